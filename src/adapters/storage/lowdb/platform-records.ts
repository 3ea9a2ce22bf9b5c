/**
 * `platform-records.json`: the small records a chat platform adapter keeps
 * in the Store (the Teams conversation references…), one JSON value per
 * namespace and key. They are few and small, so the whole document is held
 * in memory and replaced on disk with the same crash-safe write as the
 * incident files. Puts take turns, and memory changes only once the file is
 * written, so a failed put leaves both as they were.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { isErrno, writeFileAtomic } from './atomic-file.js';
import { KeyedMutex } from './keyed-mutex.js';

export const PLATFORM_RECORDS_FILE = 'platform-records.json';

export function platformRecordsPath(dir: string): string {
  return join(dir, PLATFORM_RECORDS_FILE);
}

type Records = Map<string, Map<string, unknown>>;

interface RecordsDoc {
  format: 1;
  records: Record<string, Record<string, unknown>>;
}

function damaged(path: string, why: string): MusterError {
  return new MusterError(
    ErrorCode.CorruptData,
    `The file ${path} cannot be read (${why}). Restore it from a backup, or remove it to start afresh ` +
      '(the Teams adapter learns its conversations again as people write to the bot), then restart Muster.',
  );
}

/** The records on disk; a missing file holds none. Maps, so no key can reach an object's prototype. */
export async function readPlatformRecords(path: string): Promise<Records> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return new Map();
    throw error;
  }
  let doc: Partial<RecordsDoc> | null;
  try {
    doc = JSON.parse(text) as Partial<RecordsDoc> | null;
  } catch {
    throw damaged(path, 'not valid JSON');
  }
  if (doc?.format !== 1 || typeof doc.records !== 'object' || doc.records === null) {
    throw damaged(path, 'not a Muster platform records file');
  }
  const records: Records = new Map();
  for (const [namespace, entries] of Object.entries(doc.records)) {
    if (typeof entries !== 'object' || entries === null)
      throw damaged(path, `namespace ${namespace} is not an object`);
    records.set(namespace, new Map(Object.entries(entries)));
  }
  return records;
}

export function getRecord(records: Records, namespace: string, key: string): unknown {
  const value = records.get(namespace)?.get(key);
  return value === undefined ? undefined : structuredClone(value);
}

export function listRecords(records: Records, namespace: string): { key: string; value: unknown }[] {
  return [...(records.get(namespace) ?? new Map<string, unknown>())].map(([key, value]) => ({
    key,
    value: structuredClone(value),
  }));
}

export class PlatformRecordFile {
  private readonly mutex = new KeyedMutex();

  private constructor(
    private readonly path: string,
    private readonly durable: boolean,
    private records: Records,
  ) {}

  static async open(dir: string, durable: boolean): Promise<PlatformRecordFile> {
    const path = platformRecordsPath(dir);
    return new PlatformRecordFile(path, durable, await readPlatformRecords(path));
  }

  get(namespace: string, key: string): unknown {
    return getRecord(this.records, namespace, key);
  }

  list(namespace: string): { key: string; value: unknown }[] {
    return listRecords(this.records, namespace);
  }

  put(namespace: string, key: string, value: unknown): Promise<void> {
    // Held as it will read back after a restart (a Date becomes its string, as in PostgreSQL's jsonb).
    const stored: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    return this.write((next) => next.set(namespace, new Map(next.get(namespace)).set(key, stored)));
  }

  delete(namespace: string, key: string): Promise<void> {
    if (!this.records.get(namespace)?.has(key)) return Promise.resolve();
    return this.write((next) => {
      const entries = new Map(next.get(namespace));
      entries.delete(key);
      if (entries.size === 0) next.delete(namespace);
      else next.set(namespace, entries);
    });
  }

  /** Rewrites the whole file with `change` applied to a copy; memory changes only once the file is written. */
  private write(change: (next: Records) => void): Promise<void> {
    return this.mutex.run(this.path, async () => {
      const next: Records = new Map(this.records);
      change(next);
      const doc: RecordsDoc = {
        format: 1,
        records: Object.fromEntries([...next].map(([ns, entries]) => [ns, Object.fromEntries(entries)])),
      };
      await writeFileAtomic(this.path, `${JSON.stringify(doc, null, 2)}\n`, this.durable);
      this.records = next;
    });
  }
}
