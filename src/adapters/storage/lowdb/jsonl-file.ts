/**
 * JSON Lines files that only ever grow: a long-lived appender with group
 * commit (writes queued while an fsync is in flight go out together, so
 * concurrent callers share one fsync), and a loader that tolerates the torn
 * last line a crash can leave behind.
 */
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { isErrno } from './atomic-file.js';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export class JsonlAppender {
  private buffer: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  // After a failed write the file may end in a torn line; appending more would
  // glue a good record onto it, so the appender stops until the store reopens.
  private failure: unknown;

  private constructor(
    private readonly handle: FileHandle,
    private readonly durable: boolean,
  ) {}

  static async open(path: string, durable: boolean): Promise<JsonlAppender> {
    return new JsonlAppender(await open(path, 'a'), durable);
  }

  /** Resolves once the record is on disk (fsynced when durable). */
  append(record: unknown): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.buffer.push(`${JSON.stringify(record)}\n`);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.buffer.length > 0) {
      const text = this.buffer.join('');
      const waiters = this.waiters;
      this.buffer = [];
      this.waiters = [];
      try {
        if (this.failure !== undefined) throw this.failure;
        await this.handle.appendFile(text, 'utf8');
        if (this.durable) await this.handle.sync();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.failure ??= error;
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}

export interface JsonlContents {
  records: unknown[];
  /** Lines that were not valid JSON, by 1-based line number (a torn last line is not counted). */
  badLines: number[];
  lineCount: number;
  /** Bytes after the last newline: a record whose append was cut short and never acknowledged. */
  tornBytes: number;
}

/** Reads a whole JSONL file; a missing file is empty. */
export async function readJsonl(path: string): Promise<JsonlContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { records: [], badLines: [], lineCount: 0, tornBytes: 0 };
    throw error;
  }
  const complete = bytes.lastIndexOf(0x0a) + 1;
  const lines = bytes.subarray(0, complete).toString('utf8').split('\n');
  lines.pop();
  const contents: JsonlContents = {
    records: [],
    badLines: [],
    lineCount: lines.length,
    tornBytes: bytes.length - complete,
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      contents.records.push(JSON.parse(line));
    } catch {
      contents.badLines.push(i + 1);
    }
  });
  return contents;
}

/**
 * Cuts a torn last line off before appending resumes; otherwise the next
 * record would be glued onto it and both lost. Only the unacknowledged tail
 * is removed, never a complete line.
 */
export async function dropTornTail(path: string, tornBytes: number): Promise<void> {
  if (tornBytes === 0) return;
  const handle = await open(path, 'r+');
  try {
    const { size } = await handle.stat();
    await handle.truncate(size - tornBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
