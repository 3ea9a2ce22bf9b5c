/**
 * Durable file writes: whole-file replacement that a crash cannot leave half
 * written (temp file in the same folder, fsync, rename, fsync the folder), and
 * a lowdb adapter built on it. lowdb's own `JSONFile` goes through steno,
 * which renames without fsync, so after a power cut the new name could point
 * at an empty file; this adapter closes that gap.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

let tempCounter = 0;

/** Temp names start with a dot and end in `.tmp` so `isTempFile` can sweep leftovers at open. */
export function tempPathFor(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
}

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** fsync a folder so a rename or a newly created file in it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename anyway.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `text` may be bytes (the console's uploaded files); a string is written as UTF-8. */
export async function writeFileAtomic(
  path: string,
  text: string | Uint8Array,
  durable: boolean,
): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (durable) await syncDir(dirname(path));
}

/** A lowdb adapter for one JSON document; `parse` validates, so a bad file never reaches the caller as data. */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly options: { durable: boolean; parse: (text: string, path: string) => T },
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
    return this.options.parse(text, this.path);
  }

  write(data: T): Promise<void> {
    return writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`, this.options.durable);
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
