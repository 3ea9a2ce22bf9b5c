/**
 * `purges.jsonl`: the retention purge log of the embedded store. An incident's
 * own audit goes with it when it is purged, so the fact of the purge is kept
 * here: reference, closed date, purge date, whether its report was kept. No
 * personal data. Append-only; read whole when listed (a line per purge, a few
 * hundred a year at most).
 */
import { join } from 'node:path';
import type { PurgeRecord } from '../../../ports.js';
import { dropTornTail, JsonlAppender, readJsonl } from './jsonl-file.js';

export const PURGE_LOG_FILE = 'purges.jsonl';

export function purgeLogPath(dir: string): string {
  return join(dir, PURGE_LOG_FILE);
}

function isPurgeRecord(value: unknown): value is PurgeRecord {
  const r = value as Partial<PurgeRecord> | null;
  return (
    typeof r?.reference === 'string' &&
    typeof r.closedAt === 'string' &&
    typeof r.purgedAt === 'string' &&
    typeof r.exportKept === 'boolean'
  );
}

/** Only the four known fields are written, so nothing else a caller passes reaches the log. */
function lineOf(record: PurgeRecord): PurgeRecord {
  const { reference, closedAt, purgedAt, exportKept } = record;
  return { reference, closedAt, purgedAt, exportKept };
}

/** The log's records, oldest first; unreadable lines are skipped (and reported through `warn`). */
export async function readPurgeLog(path: string, warn: (message: string) => void): Promise<PurgeRecord[]> {
  const contents = await readJsonl(path);
  if (contents.badLines.length > 0)
    warn(`Skipped unreadable lines ${contents.badLines.join(', ')} of ${path}.`);
  return contents.records.filter(isPurgeRecord);
}

export class PurgeLog {
  private constructor(
    private readonly path: string,
    private readonly appender: JsonlAppender,
    private readonly warn: (message: string) => void,
  ) {}

  static async open(dir: string, durable: boolean, warn: (message: string) => void): Promise<PurgeLog> {
    const path = purgeLogPath(dir);
    const contents = await readJsonl(path);
    await dropTornTail(path, contents.tornBytes);
    return new PurgeLog(path, await JsonlAppender.open(path, durable), warn);
  }

  append(record: PurgeRecord): Promise<void> {
    return this.appender.append(lineOf(record));
  }

  list(): Promise<PurgeRecord[]> {
    return readPurgeLog(this.path, this.warn);
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
