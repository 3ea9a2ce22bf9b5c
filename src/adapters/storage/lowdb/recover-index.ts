/**
 * Brings the index back in line with the incident files at open. Cheap: one
 * directory listing, plus reading only the files the index is unsure about
 * (a pending mark without its record, or a file the index never heard of),
 * which exist only after a crash. The repair is made in memory only, so a
 * read-only store runs the same recovery without writing; the owning store
 * persists it by compacting the index, and sweeps leftover temp files first.
 */
import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ErrorCode, isMusterError } from '../../../core/errors.js';
import { summarise } from '../../../core/incident/incident.js';
import { isTempFile } from './atomic-file.js';
import type { IncidentDoc, IncidentFiles } from './incident-file.js';
import type { IncidentIndex, IndexEntry } from './incident-index.js';
import { type DataDirLayout, isSafeId } from './layout.js';
import { platformRecordsPath } from './platform-records.js';
import { nextDueAt } from './reminder-rows.js';

export function entryOf(doc: IncidentDoc): IndexEntry {
  const next = nextDueAt(doc.reminders);
  const summary = summarise(doc.incident);
  return next === undefined ? { summary } : { summary, nextDueAt: next };
}

/**
 * Removes what interrupted writes left behind: temp files of the index and
 * idempotency log in the data directory itself, and of incident files (a
 * write that never reached its rename, so the real file still holds the
 * previous state). Only for the store that holds the lock.
 */
export async function sweepTempFiles(layout: DataDirLayout): Promise<void> {
  const prefixes = [layout.indexFile, layout.idempotencyFile, platformRecordsPath(layout.dir)].map(
    (file) => `.${basename(file)}.`,
  );
  for (const name of await readdir(layout.dir)) {
    if (isTempFile(name) && prefixes.some((prefix) => name.startsWith(prefix)))
      await rm(join(layout.dir, name), { force: true });
  }
  for (const name of await readdir(layout.incidentsDir)) {
    if (isTempFile(name)) await rm(join(layout.incidentsDir, name), { force: true });
  }
}

/** Returns true when the index changed in memory and should be rewritten. */
export async function recoverIndex(
  index: IncidentIndex,
  files: IncidentFiles,
  incidentsDir: string,
  warn: (message: string) => void,
): Promise<boolean> {
  const onDisk = new Set<string>();
  for (const name of await readdir(incidentsDir)) {
    // Temp files start with a dot, which no safe id does, so a write in flight is never mistaken for an incident.
    if (!isTempFile(name) && name.endsWith('.json') && isSafeId(name.slice(0, -'.json'.length))) {
      onDisk.add(name.slice(0, -'.json'.length));
    }
  }

  let changed = false;
  const pending = new Set(index.pendingIds());
  for (const id of index.ids()) {
    if (onDisk.has(id)) continue;
    if (!pending.has(id))
      warn(`Incident ${id} is in the index but ${files.pathOf(id)} is missing; it is no longer listed.`);
    index.repair(id, undefined);
    changed = true;
  }

  const unsure = new Set([...pending, ...[...onDisk].filter((id) => !index.get(id))]);
  for (const id of unsure) {
    changed = true;
    if (!onDisk.has(id)) {
      // A create that crashed before its file was written.
      index.repair(id, undefined);
      continue;
    }
    try {
      const doc = await files.read(id);
      index.repair(id, doc ? entryOf(doc) : undefined);
    } catch (error) {
      if (!isMusterError(error, ErrorCode.CorruptData)) throw error;
      warn(`${error.message} Until then it keeps its last known listing, or none.`);
      index.repair(id, index.get(id));
    }
  }
  return changed;
}
