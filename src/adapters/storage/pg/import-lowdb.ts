/**
 * Moves an embedded installation (a lowdb data directory) into PostgreSQL
 * without losing an event: every incident with its events (same seq, time,
 * actor), its reminders (sent state, attempts and claims as they are) and the
 * reference counters; then the directory's chat edits and the platform
 * adapters' records (`import-directory-and-platform.ts`). Each incident
 * goes in one transaction, so a failure leaves whole incidents only. An incident already in the database exactly
 * as it is in the directory was imported by an earlier run and is skipped;
 * one that differs is a conflict, and a conflict stops the import before
 * anything is written.
 */
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { IncidentEvent } from '../../../core/events/incident-event.js';
import type { Incident } from '../../../core/incident/incident.js';
import type { Reminder } from '../../../core/reminders/reminder.js';
import type { Store } from '../../../ports.js';
import { IncidentIndex } from '../lowdb/incident-index.js';
import { DataDirLayout } from '../lowdb/layout.js';
import { openLowdbStoreReadOnly } from '../lowdb/read-only-store.js';
import {
  checkDirectoryChanges,
  DIRECTORY_CHANGES_CONFLICT,
  importDirectoryChanges,
  importPlatformRecords,
} from './import-directory-and-platform.js';
import { inTransaction } from './pg-connection.js';
import { insertReminderRows } from './pg-reminders.js';
import {
  INCIDENT_COLUMNS,
  INCIDENT_PARAMS,
  incidentValues,
  storedEventRecords,
  toIncident,
} from './pg-rows.js';
import { insertEventRecords, type PgStore, raiseCounters } from './pg-store.js';

export interface ImportProgress {
  done: number;
  total: number;
  id: string;
  outcome: 'imported' | 'skipped';
}

export interface ImportSummary {
  imported: string[];
  /** Already in the database exactly as in the directory (an earlier run). */
  skipped: string[];
  events: number;
  reminders: number;
  /** The reference counter per year after the import. */
  counters: Map<number, number>;
  /** Directory changes copied (those an earlier run copied are not counted). */
  directoryChanges: number;
  /** Platform records copied, and those left as the database had them. */
  platformRecords: number;
  platformRecordsKept: number;
}

/** Something in the database with other content; nothing is imported while there is one. */
export interface ImportConflict {
  kind: 'incident' | 'directory-changes';
  /** The incident's id, or "directory changes". */
  id: string;
  reason: string;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; conflicts: ImportConflict[] };

interface Snapshot {
  incident: Incident;
  events: IncidentEvent[];
  reminders: Reminder[];
}

export async function importLowdbDir(
  dir: string,
  target: PgStore,
  options: { onProgress?: (progress: ImportProgress) => void; onWarning?: (message: string) => void } = {},
): Promise<ImportResult> {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const source = await openLowdbStoreReadOnly(dir, { onWarning: warn });
  try {
    const ids = (await source.listIncidents()).map((s) => s.id).sort();
    const existing = new Map<string, 'same' | ImportConflict>();
    for (const id of ids) {
      const verdict = await compareWithTarget(target, await snapshotOf(source, id));
      if (verdict) existing.set(id, verdict);
    }
    const conflicts = [...existing.values()].filter((v): v is ImportConflict => v !== 'same');
    const directoryConflict = await checkDirectoryChanges(target, await source.listDirectoryChanges());
    if (directoryConflict) {
      conflicts.push({
        kind: 'directory-changes',
        id: DIRECTORY_CHANGES_CONFLICT,
        reason: directoryConflict,
      });
    }
    if (conflicts.length > 0) return { ok: false, conflicts };

    const summary: ImportSummary = {
      imported: [],
      skipped: [],
      events: 0,
      reminders: 0,
      counters: new Map(),
      directoryChanges: 0,
      platformRecords: 0,
      platformRecordsKept: 0,
    };
    for (const [i, id] of ids.entries()) {
      if (existing.has(id)) {
        summary.skipped.push(id);
      } else {
        // Read again rather than kept from the check: the bot may still be writing to the directory.
        const snapshot = await snapshotOf(source, id);
        await insertSnapshot(target, snapshot);
        summary.imported.push(id);
        summary.events += snapshot.events.length;
        summary.reminders += snapshot.reminders.length;
      }
      options.onProgress?.({
        done: i + 1,
        total: ids.length,
        id,
        outcome: existing.has(id) ? 'skipped' : 'imported',
      });
    }
    await raiseCounters(target.pool, await sourceCounters(dir, warn));
    summary.counters = await targetCounters(target);
    // Read again, like the incidents: edits made since the check go in too.
    summary.directoryChanges = await importDirectoryChanges(target, await source.listDirectoryChanges());
    const records = await importPlatformRecords(target, dir);
    summary.platformRecords = records.imported;
    summary.platformRecordsKept = records.kept;
    return { ok: true, summary };
  } finally {
    await source.close();
  }
}

async function snapshotOf(source: Store, id: string): Promise<Snapshot> {
  const incident = await source.getIncident(id);
  if (!incident) throw new Error(`Incident ${id} disappeared from the data directory while it was read.`);
  return { incident, events: await source.listEvents(id), reminders: await source.listReminders(id) };
}

/** `undefined` when the id is free, `'same'` when an earlier run imported it unchanged, else the conflict. */
async function compareWithTarget(
  target: PgStore,
  snapshot: Snapshot,
): Promise<'same' | ImportConflict | undefined> {
  const { id } = snapshot.incident;
  const found = await target.pool.query<{ doc: unknown; last_seq: number }>(
    'SELECT doc, last_seq FROM incidents WHERE id = $1',
    [id],
  );
  const row = found.rows[0];
  if (!row) return undefined;
  let stored: Incident;
  try {
    stored = toIncident(id, row.doc);
  } catch {
    return { kind: 'incident', id, reason: 'the database holds a damaged record under this id' };
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(snapshot.incident)), stored)) {
    return {
      kind: 'incident',
      id,
      reason: `the database holds a different version of it (version ${stored.version} there, ${snapshot.incident.version} in the directory)`,
    };
  }
  if (row.last_seq !== snapshot.events.length) {
    return {
      kind: 'incident',
      id,
      reason: `its timeline differs (${row.last_seq} events there, ${snapshot.events.length} in the directory)`,
    };
  }
  return 'same';
}

async function insertSnapshot(target: PgStore, { incident, events, reminders }: Snapshot): Promise<void> {
  await inTransaction(target.pool, async (client) => {
    await client.query(
      `INSERT INTO incidents (${INCIDENT_COLUMNS}, last_seq, doc) VALUES (${INCIDENT_PARAMS}, $13, $14)`,
      [...incidentValues(incident), lastSeq(events), JSON.stringify(incident)],
    );
    // Each event keeps its seq, so links to "event 12 of SV-2027-0003" still point at the same line.
    if (events.length > 0) await insertEventRecords(client, incident.id, storedEventRecords(events));
    await insertReminderRows(client, incident.id, reminders);
  });
}

function lastSeq(events: readonly IncidentEvent[]): number {
  return events.reduce((max, event) => Math.max(max, event.seq), 0);
}

async function sourceCounters(dir: string, warn: (message: string) => void): Promise<Map<number, number>> {
  const index = await IncidentIndex.snapshot(new DataDirLayout(resolve(dir)).indexFile, warn);
  return index.referenceCounters();
}

async function targetCounters(target: PgStore): Promise<Map<number, number>> {
  const rows = await target.pool.query<{ year: number; last: number }>(
    'SELECT year, last FROM reference_counters ORDER BY year',
  );
  return new Map(rows.rows.map((row) => [row.year, row.last]));
}
