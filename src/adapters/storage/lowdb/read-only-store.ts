/**
 * A read-only view of a data directory, for commands that only look (the
 * CLI's `incidents list` and `incident show`) while the bot may be running on
 * the same directory. This module owns opening without the lock and refusing
 * writes; the files are read through the same modules the owning store uses.
 *
 * It takes no lock and writes nothing: no folders, no lock file, no index
 * compaction, no torn-tail repair, no temp sweep. What the owning store would
 * repair at open (pending marks, files the index never recorded) is repaired
 * in memory only. Reading beside a live writer is safe because of how that
 * writer writes: the logs only grow, and a half-written last line is not
 * read; an incident file is replaced by rename, so a read sees the old file
 * or the new one, never a mix.
 *
 * Which incidents exist is fixed at open (the index is read once); each
 * incident's state, reminders and events are read from its files when asked,
 * so they are as fresh as the disk. Open again to see incidents created since.
 */

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DirectoryChange } from '../../../core/directory/directory-change.js';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import type { IncidentEvent } from '../../../core/events/incident-event.js';
import type { Incident, IncidentStatus, IncidentSummary } from '../../../core/incident/incident.js';
import type { Plan, PlanSummary } from '../../../core/plans/plan.js';
import type { Reminder } from '../../../core/reminders/reminder.js';
import type { PurgeRecord, Store } from '../../../ports.js';
import { isErrno } from './atomic-file.js';
import { directoryChangesPath, readDirectoryChanges } from './directory-changes.js';
import { EventLogs } from './event-log.js';
import { IncidentFiles } from './incident-file.js';
import { IncidentIndex } from './incident-index.js';
import { DataDirLayout, isSafeId } from './layout.js';
import { PlanFiles } from './plan-files.js';
import { getRecord, listRecords, platformRecordsPath, readPlatformRecords } from './platform-records.js';
import { purgeLogPath, readPurgeLog } from './purge-log.js';
import { recoverIndex } from './recover-index.js';

export interface ReadOnlyStoreOptions {
  /** Where operator warnings go (a corrupt incident skipped, an index line unreadable). Default `console.warn`. */
  onWarning?: (message: string) => void;
}

/**
 * Opens `dir` for reading only. Fails with `not_found` when `dir` holds no
 * Muster data, rather than creating any, so a mistyped MUSTER_DATA_DIR is
 * reported instead of turned into an empty data directory.
 */
export async function openLowdbStoreReadOnly(
  dir: string,
  options: ReadOnlyStoreOptions = {},
): Promise<Store> {
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const layout = new DataDirLayout(resolve(dir));
  await requireDataDir(layout);
  const files = new IncidentFiles(layout, false);
  const index = await IncidentIndex.snapshot(layout.indexFile, warn);
  await recoverIndex(index, files, layout.incidentsDir, warn);
  return new ReadOnlyLowdbStore(layout.dir, index, files, new EventLogs(layout, false, warn));
}

/** The owning store creates the folders before the index, so an index and an incidents folder mean a data directory. */
async function requireDataDir(layout: DataDirLayout): Promise<void> {
  const problem =
    (await kindOf(layout.dir)) !== 'dir'
      ? 'there is no such directory'
      : (await kindOf(layout.indexFile)) !== 'file'
        ? 'it has no index.jsonl'
        : (await kindOf(layout.incidentsDir)) !== 'dir'
          ? 'it has no incidents folder'
          : undefined;
  if (problem === undefined) return;
  throw new MusterError(
    ErrorCode.NotFound,
    `There is no Muster data in ${layout.dir} (${problem}). Check that MUSTER_DATA_DIR points at ` +
      'the directory the bot stores its data in; nothing was created.',
  );
}

async function kindOf(path: string): Promise<'dir' | 'file' | 'other' | 'missing'> {
  try {
    const found = await stat(path);
    return found.isDirectory() ? 'dir' : found.isFile() ? 'file' : 'other';
  } catch (error) {
    // ENOTDIR: a parent on the path is a file, which is just as missing.
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return 'missing';
    throw error;
  }
}

class ReadOnlyLowdbStore implements Store {
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly index: IncidentIndex,
    private readonly files: IncidentFiles,
    private readonly events: EventLogs,
  ) {}

  getIncident(id: string): Promise<Incident | undefined> {
    return this.read(async () => {
      if (!this.index.get(id)) return undefined;
      return (await this.files.read(id))?.incident;
    });
  }

  listIncidents(filter: { status?: IncidentStatus[] } = {}): Promise<IncidentSummary[]> {
    return this.read(async () => this.index.list(filter));
  }

  listEvents(incidentId: string, options?: { afterSeq?: number; limit?: number }): Promise<IncidentEvent[]> {
    return this.read(async () => (isSafeId(incidentId) ? this.events.list(incidentId, options) : []));
  }

  listReminders(incidentId: string): Promise<Reminder[]> {
    return this.read(async () => {
      if (!this.index.get(incidentId)) return [];
      return (await this.files.read(incidentId))?.reminders ?? [];
    });
  }

  allocateReference(): Promise<string> {
    return this.refuse('allocate an incident reference');
  }

  createIncident(incident: Incident): Promise<Incident> {
    return this.refuse(`create incident ${incident.id}`);
  }

  updateIncident(id: string): Promise<Incident> {
    return this.refuse(`update incident ${id}`);
  }

  appendEvents(incidentId: string): Promise<IncidentEvent[]> {
    return this.refuse(`add events to incident ${incidentId}`);
  }

  syncReminders(incidentId: string): Promise<void> {
    return this.refuse(`plan the reminders of incident ${incidentId}`);
  }

  // Claiming writes a lease into the incident file, so even the scheduler's "read" is a write.
  claimDueReminders(): Promise<Reminder[]> {
    return this.refuse('claim due reminders');
  }

  markReminderSent(incidentId: string): Promise<boolean> {
    return this.refuse(`mark a reminder of incident ${incidentId} sent`);
  }

  releaseReminder(incidentId: string): Promise<void> {
    return this.refuse(`release a reminder of incident ${incidentId}`);
  }

  // Remembering a key appends it to the idempotency log, so it is a write too.
  rememberOnce(key: string): Promise<boolean> {
    return this.refuse(`remember the key ${key}`);
  }

  getPlan(id: string): Promise<Plan | undefined> {
    return this.read(() => new PlanFiles(PlanFiles.folderIn(this.dir), false).read(id));
  }

  listPlans(): Promise<PlanSummary[]> {
    return this.read(() => new PlanFiles(PlanFiles.folderIn(this.dir), false).list());
  }

  createPlan(plan: Plan): Promise<Plan> {
    return this.refuse(`create plan ${plan.id}`);
  }

  updatePlan(id: string): Promise<Plan> {
    return this.refuse(`update plan ${id}`);
  }

  purgeIncident(id: string): Promise<boolean> {
    return this.refuse(`purge incident ${id}`);
  }

  // A line being appended by the running bot is simply not read yet.
  listPurges(): Promise<PurgeRecord[]> {
    return this.read(() => readPurgeLog(purgeLogPath(this.dir), () => {}));
  }

  listDirectoryChanges(afterSeq = 0): Promise<DirectoryChange[]> {
    return this.read(() => readDirectoryChanges(directoryChangesPath(this.dir), afterSeq, () => {}));
  }

  appendDirectoryChange(): Promise<DirectoryChange> {
    return this.refuse('record a change to the directory');
  }

  // The file is replaced by rename, so each read sees one whole version of it.
  getPlatformRecord(namespace: string, key: string): Promise<unknown> {
    return this.read(async () =>
      getRecord(await readPlatformRecords(platformRecordsPath(this.dir)), namespace, key),
    );
  }

  listPlatformRecords(namespace: string): Promise<{ key: string; value: unknown }[]> {
    return this.read(async () =>
      listRecords(await readPlatformRecords(platformRecordsPath(this.dir)), namespace),
    );
  }

  putPlatformRecord(namespace: string, key: string): Promise<void> {
    return this.refuse(`save the ${namespace} record ${key}`);
  }

  deletePlatformRecord(namespace: string, key: string): Promise<void> {
    return this.refuse(`delete the ${namespace} record ${key}`);
  }

  // Nothing to release: no lock was taken and no file is held open between calls.
  async close(): Promise<void> {
    this.closed = true;
  }

  private read<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('This store is closed; open it again to use it.'));
    return task();
  }

  private refuse(what: string): Promise<never> {
    return Promise.reject(
      new MusterError(
        ErrorCode.ReadOnly,
        `The data directory ${this.dir} was opened read-only, so Muster cannot ${what}; nothing was changed. ` +
          'Make changes through the running bot, which opens the directory for writing.',
      ),
    );
  }
}
