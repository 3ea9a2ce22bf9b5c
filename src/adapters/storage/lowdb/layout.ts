/**
 * The shape of a Muster data directory (`MUSTER_DATA_DIR`): which file holds
 * what, and which incident ids may become file names. Every other module in
 * this folder asks here for a path, so the layout is described in one place:
 *
 *   muster.lock              pid of the process that has the directory open
 *   index.jsonl              append-only summaries, reference counters, pending marks
 *   idempotency.jsonl        append-only keys seen by `rememberOnce`
 *   incidents/<id>.json      current state of one incident and its reminders
 *   events/<id>.jsonl        append-only timeline of one incident
 *   plans/<id>.json          one strategic plan (plan-files.ts)
 *   purges.jsonl             append-only retention purge log (purge-log.ts)
 *   directory-changes.jsonl  append-only chat edits of the directory (directory-changes.ts)
 *   platform-records.json    what chat adapters share, by namespace and key (platform-records.ts)
 */
import { join } from 'node:path';

// Ids become file names, so anything that could climb out of the folder or
// clash with our temp files (leading dot) is refused.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;
const MAX_ID_LENGTH = 128;

export function isSafeId(id: string): boolean {
  return id.length <= MAX_ID_LENGTH && SAFE_ID.test(id);
}

export class DataDirLayout {
  constructor(readonly dir: string) {}

  get lockFile(): string {
    return join(this.dir, 'muster.lock');
  }

  get indexFile(): string {
    return join(this.dir, 'index.jsonl');
  }

  get idempotencyFile(): string {
    return join(this.dir, 'idempotency.jsonl');
  }

  get incidentsDir(): string {
    return join(this.dir, 'incidents');
  }

  get eventsDir(): string {
    return join(this.dir, 'events');
  }

  incidentFile(id: string): string {
    return join(this.incidentsDir, `${id}.json`);
  }

  eventLog(id: string): string {
    return join(this.eventsDir, `${id}.jsonl`);
  }
}
