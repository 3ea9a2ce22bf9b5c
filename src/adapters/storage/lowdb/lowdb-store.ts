/**
 * The embedded `Store`: lowdb JSON documents in `MUSTER_DATA_DIR` (layout in
 * `layout.ts`). This module owns opening the directory and the order of
 * writes; the files themselves are owned by the modules it composes.
 *
 * Write order for a change to an incident: a pending mark in the index (when
 * the listing or the next reminder time moves in a way a crash must not
 * hide), then the incident file (the commit point), then its events, then
 * the index record. A crash part-way leaves a change without its audit lines
 * rather than audit lines for a change that never happened, and the index is
 * repaired from the file at the next open.
 *
 * A retention purge goes: pending mark, purge log line, incident file,
 * event log, index "removed" record. A crash part-way leaves at worst a
 * purge logged twice (the next day's run finds the incident again) or an
 * index entry the next open drops because its file is gone.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DirectoryChange, NewDirectoryChange } from '../../../core/directory/directory-change.js';
import { ErrorCode, isMusterError, MusterError } from '../../../core/errors.js';
import type { IncidentEvent, NewIncidentEvent } from '../../../core/events/incident-event.js';
import type { Incident, IncidentStatus, IncidentSummary } from '../../../core/incident/incident.js';
import type { Plan, PlanSummary } from '../../../core/plans/plan.js';
import type { PlannedReminder, Reminder } from '../../../core/reminders/reminder.js';
import type { ClaimOptions, IncidentChange, PurgeRecord, Store } from '../../../ports.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { DirectoryChangeLog } from './directory-changes.js';
import { EventLogs } from './event-log.js';
import { IdempotencyLog } from './idempotency-log.js';
import { type IncidentDoc, IncidentFiles } from './incident-file.js';
import { IncidentIndex, type IndexEntry } from './incident-index.js';
import { KeyedMutex } from './keyed-mutex.js';
import { DataDirLayout, isSafeId } from './layout.js';
import { PlanFiles } from './plan-files.js';
import { PlatformRecordFile } from './platform-records.js';
import { PurgeLog } from './purge-log.js';
import { openLowdbStoreReadOnly } from './read-only-store.js';
import { entryOf, recoverIndex, sweepTempFiles } from './recover-index.js';
import { claimDue, markSent, nextDueAt, release, syncPlanned } from './reminder-rows.js';

export interface LowdbStoreOptions {
  /** fsync files and folders before a write counts as done. Default true; turn off only for throwaway data. */
  durable?: boolean;
  /** Where operator warnings go (a skipped corrupt incident, a repaired log). Default `console.warn`. */
  onWarning?: (message: string) => void;
  /** Superseded index lines tolerated before the index is compacted at open (default 1,000, or one per incident if more). */
  compactIndexAfter?: number;
  /** Take no lock and write nothing, so it can run beside the bot; writes are refused (see `read-only-store.ts`). */
  readOnly?: boolean;
}

export async function openLowdbStore(dir: string, options: LowdbStoreOptions = {}): Promise<Store> {
  if (options.readOnly) return openLowdbStoreReadOnly(dir, options);
  const durable = options.durable ?? true;
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const layout = new DataDirLayout(resolve(dir));
  await mkdir(layout.incidentsDir, { recursive: true });
  await mkdir(layout.eventsDir, { recursive: true });
  const lock = await acquireDataDirLock(layout.dir, layout.lockFile);
  let index: IncidentIndex | undefined;
  let purges: PurgeLog | undefined;
  let directoryChanges: DirectoryChangeLog | undefined;
  try {
    const files = new IncidentFiles(layout, durable);
    await sweepTempFiles(layout);
    index = await IncidentIndex.load(layout.indexFile, durable, warn);
    const repaired = await recoverIndex(index, files, layout.incidentsDir, warn);
    const tolerated = Math.max(options.compactIndexAfter ?? 1000, index.ids().length);
    if (repaired || index.supersededLines() > tolerated) await index.compact();
    const idempotency = await IdempotencyLog.open(layout.idempotencyFile, durable, warn);
    purges = await PurgeLog.open(layout.dir, durable, warn);
    directoryChanges = await DirectoryChangeLog.open(layout.dir, durable, warn);
    const platformRecords = await PlatformRecordFile.open(layout.dir, durable);
    return new LowdbStore({
      purges,
      directoryChanges,
      platformRecords,
      lock,
      files,
      index,
      idempotency,
      events: new EventLogs(layout, durable, warn),
      plans: new PlanFiles(PlanFiles.folderIn(layout.dir), durable),
      warn,
    });
  } catch (error) {
    await directoryChanges?.close();
    await purges?.close();
    await index?.close();
    await lock.release();
    throw error;
  }
}

interface Parts {
  lock: DataDirLock;
  files: IncidentFiles;
  index: IncidentIndex;
  idempotency: IdempotencyLog;
  events: EventLogs;
  warn: (message: string) => void;
  plans: PlanFiles;
  purges: PurgeLog;
  directoryChanges: DirectoryChangeLog;
  platformRecords: PlatformRecordFile;
}

function notFound(id: string): MusterError {
  return new MusterError(
    ErrorCode.NotFound,
    `There is no incident ${id}. Check the reference and try again.`,
  );
}

class LowdbStore implements Store {
  private readonly mutex = new KeyedMutex();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly warnedCorrupt = new Set<string>();
  private closed = false;

  constructor(private readonly parts: Parts) {}

  allocateReference(year: number): Promise<string> {
    return this.guard(() => this.parts.index.allocateReference(year));
  }

  createIncident(incident: Incident, events: NewIncidentEvent[] = []): Promise<Incident> {
    const id = incident.id;
    if (!isSafeId(id)) {
      const message = `Incident id "${id}" cannot be stored: use letters, digits, dots, dashes and underscores only.`;
      return Promise.reject(new MusterError(ErrorCode.InvalidInput, message));
    }
    return this.exclusive(id, async () => {
      // An unindexed file (one skipped as corrupt at open) is not overwritten either.
      if (this.parts.index.get(id) || (await this.fileExists(id))) {
        throw new MusterError(ErrorCode.Conflict, `Incident ${id} already exists; it was not created again.`);
      }
      const doc: IncidentDoc = { format: 1, incident: structuredClone(incident), reminders: [] };
      await this.commit(doc, undefined, events);
      return doc.incident;
    });
  }

  getIncident(id: string): Promise<Incident | undefined> {
    return this.guard(async () => {
      if (!this.parts.index.get(id)) return undefined;
      return (await this.parts.files.read(id))?.incident;
    });
  }

  listIncidents(filter: { status?: IncidentStatus[] } = {}): Promise<IncidentSummary[]> {
    return this.guard(async () => this.parts.index.list(filter));
  }

  updateIncident(id: string, change: (current: Incident) => IncidentChange): Promise<Incident> {
    return this.exclusive(id, async () => {
      const { doc, entry } = await this.load(id);
      const result = change(doc.incident);
      if (result.incident.id !== id) {
        throw new MusterError(
          ErrorCode.InvalidInput,
          `An update to ${id} tried to change its id; nothing was saved.`,
        );
      }
      const incident = { ...result.incident, version: doc.incident.version + 1 };
      await this.commit({ ...doc, incident }, entry, result.events ?? []);
      return incident;
    });
  }

  appendEvents(incidentId: string, events: NewIncidentEvent[]): Promise<IncidentEvent[]> {
    return this.exclusive(incidentId, async () => {
      if (!this.parts.index.get(incidentId)) throw notFound(incidentId);
      return this.parts.events.append(incidentId, events);
    });
  }

  listEvents(incidentId: string, options?: { afterSeq?: number; limit?: number }): Promise<IncidentEvent[]> {
    return this.guard(async () => (isSafeId(incidentId) ? this.parts.events.list(incidentId, options) : []));
  }

  syncReminders(incidentId: string, planned: PlannedReminder[]): Promise<void> {
    return this.exclusive(incidentId, async () => {
      const { doc, entry } = await this.load(incidentId);
      await this.commit({ ...doc, reminders: syncPlanned(incidentId, doc.reminders, planned) }, entry, []);
    });
  }

  listReminders(incidentId: string): Promise<Reminder[]> {
    return this.guard(async () => {
      if (!this.parts.index.get(incidentId)) return [];
      return (await this.parts.files.read(incidentId))?.reminders ?? [];
    });
  }

  claimDueReminders(options: ClaimOptions): Promise<Reminder[]> {
    return this.guard(async () => {
      const nowMs = options.now.getTime();
      const claimed: Reminder[] = [];
      for (const id of this.parts.index.dueBy(nowMs)) {
        if (claimed.length >= options.limit) break;
        const request = {
          nowMs,
          owner: options.owner,
          leaseMs: options.leaseMs,
          limit: options.limit - claimed.length,
        };
        claimed.push(...(await this.mutex.run(id, () => this.claimIn(id, request))));
      }
      return claimed;
    });
  }

  private async claimIn(id: string, request: Parameters<typeof claimDue>[1]): Promise<Reminder[]> {
    const entry = this.parts.index.get(id);
    // Another claimant may have taken everything while this one waited for the mutex.
    if (!entry || (entry.nextDueAt ?? Number.POSITIVE_INFINITY) > request.nowMs) return [];
    let doc: IncidentDoc | undefined;
    try {
      doc = await this.parts.files.read(id);
    } catch (error) {
      if (!isMusterError(error, ErrorCode.CorruptData)) throw error;
      // Once per incident per process: the scheduler ticks every few seconds.
      if (!this.warnedCorrupt.has(id)) {
        this.warnedCorrupt.add(id);
        this.parts.warn(`Skipping the reminders of ${id}. ${error.message}`);
      }
      return [];
    }
    if (!doc) return [];
    const result = claimDue(doc.reminders, request);
    if (result.claimed.length > 0) {
      await this.commit({ ...doc, reminders: result.reminders }, entry, []);
    } else if (nextDueAt(doc.reminders) !== entry.nextDueAt) {
      // The index was early (a crash after a lease was written); correct it so this file is not reread every tick.
      await this.parts.index.put(entry.summary, nextDueAt(doc.reminders));
    }
    return result.claimed;
  }

  markReminderSent(incidentId: string, key: string, owner: string, sentAt: Date): Promise<boolean> {
    return this.exclusive(incidentId, async () => {
      if (!this.parts.index.get(incidentId)) return false;
      const { doc, entry } = await this.load(incidentId);
      const reminders = markSent(doc.reminders, key, owner, sentAt);
      if (!reminders) return false;
      await this.commit({ ...doc, reminders }, entry, []);
      return true;
    });
  }

  releaseReminder(incidentId: string, key: string, owner: string, error: string): Promise<void> {
    return this.exclusive(incidentId, async () => {
      const { doc, entry } = await this.load(incidentId);
      const reminders = release(doc.reminders, key, owner, error);
      // Not the holder: the reminder belongs to whoever claimed it since, so leave it be.
      if (reminders) await this.commit({ ...doc, reminders }, entry, []);
    });
  }

  rememberOnce(key: string, at: Date): Promise<boolean> {
    return this.guard(() => this.parts.idempotency.rememberOnce(key, at));
  }

  // Plans share the per-key mutex; "plan:" cannot clash with an incident id (no colon is safe there).
  createPlan(plan: Plan): Promise<Plan> {
    return this.exclusive(`plan:${plan.id}`, () => this.parts.plans.create(plan));
  }

  getPlan(id: string): Promise<Plan | undefined> {
    return this.guard(() => this.parts.plans.read(id));
  }

  listPlans(): Promise<PlanSummary[]> {
    return this.guard(() => this.parts.plans.list());
  }

  updatePlan(id: string, change: (current: Plan) => Plan): Promise<Plan> {
    return this.exclusive(`plan:${id}`, () => this.parts.plans.update(id, change));
  }

  purgeIncident(id: string, closedBefore: Date, record: PurgeRecord): Promise<boolean> {
    return this.exclusive(id, async () => {
      const { index, files, events, purges } = this.parts;
      const doc = index.get(id) ? await files.read(id) : undefined;
      const incident = doc?.incident;
      if (incident?.status !== 'closed') return false;
      if (Date.parse(incident.updatedAt) >= closedBefore.getTime()) return false;
      await index.markPending(id);
      await purges.append(record);
      await files.remove(id);
      await events.remove(id);
      await index.remove(id);
      return true;
    });
  }

  listPurges(): Promise<PurgeRecord[]> {
    return this.guard(() => this.parts.purges.list());
  }

  appendDirectoryChange(change: NewDirectoryChange): Promise<DirectoryChange> {
    return this.guard(() => this.parts.directoryChanges.append(change));
  }

  listDirectoryChanges(afterSeq?: number): Promise<DirectoryChange[]> {
    return this.guard(() => this.parts.directoryChanges.list(afterSeq));
  }

  getPlatformRecord(namespace: string, key: string): Promise<unknown> {
    return this.guard(async () => this.parts.platformRecords.get(namespace, key));
  }

  putPlatformRecord(namespace: string, key: string, value: unknown): Promise<void> {
    return this.guard(() => this.parts.platformRecords.put(namespace, key, value));
  }

  listPlatformRecords(namespace: string): Promise<{ key: string; value: unknown }[]> {
    return this.guard(async () => this.parts.platformRecords.list(namespace));
  }

  deletePlatformRecord(namespace: string, key: string): Promise<void> {
    return this.guard(() => this.parts.platformRecords.delete(namespace, key));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.parts.index.close();
    await this.parts.idempotency.close();
    await this.parts.purges.close();
    await this.parts.directoryChanges.close();
    await this.parts.lock.release();
  }

  /** See the module header for why the writes go in this order. */
  private async commit(
    doc: IncidentDoc,
    previous: IndexEntry | undefined,
    events: NewIncidentEvent[],
  ): Promise<void> {
    const { index, files } = this.parts;
    const next = entryOf(doc);
    const listingChanged = !previous || JSON.stringify(previous.summary) !== JSON.stringify(next.summary);
    const dueChanged = next.nextDueAt !== previous?.nextDueAt;
    const dueEarlier =
      (next.nextDueAt ?? Number.POSITIVE_INFINITY) < (previous?.nextDueAt ?? Number.POSITIVE_INFINITY);
    // A stale later due time would hide a reminder after a crash; a stale earlier one only costs a file read.
    if (listingChanged || dueEarlier) await index.markPending(doc.incident.id);
    await files.write(doc);
    await this.parts.events.append(doc.incident.id, events);
    if (listingChanged || dueChanged) await index.put(next.summary, next.nextDueAt);
  }

  private async load(id: string): Promise<{ doc: IncidentDoc; entry: IndexEntry }> {
    const entry = this.parts.index.get(id);
    const doc = entry && (await this.parts.files.read(id));
    if (!entry || !doc) throw notFound(id);
    return { doc, entry };
  }

  private async fileExists(id: string): Promise<boolean> {
    try {
      return (await this.parts.files.read(id)) !== undefined;
    } catch (error) {
      if (isMusterError(error, ErrorCode.CorruptData)) return true;
      throw error;
    }
  }

  private exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.guard(() => this.mutex.run(id, task));
  }

  /** Refuses work after `close` and lets `close` wait for work already under way. */
  private guard<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('This store is closed; open it again to use it.'));
    const running = task();
    this.inFlight.add(running);
    void running.then(
      () => this.inFlight.delete(running),
      () => this.inFlight.delete(running),
    );
    return running;
  }
}
