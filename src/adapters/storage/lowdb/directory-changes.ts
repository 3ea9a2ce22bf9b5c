/**
 * `directory-changes.jsonl`: the coordinators' chat edits of the agency
 * directory, one per line, only ever appended. The next `seq` is held in
 * memory and taken synchronously, and the appender writes lines in the order
 * they were queued, so concurrent appends get distinct numbers and the file
 * stays in `seq` order. A few edits a week at most, so listing reads the
 * whole file.
 *
 * A failed append leaves the appender refusing until the store reopens (see
 * `jsonl-file.ts`); the number it took was never written, so numbering
 * carries on from the file at the next open without a gap.
 */
import { join } from 'node:path';
import type { DirectoryChange, NewDirectoryChange } from '../../../core/directory/directory-change.js';
import { dropTornTail, JsonlAppender, readJsonl } from './jsonl-file.js';

export const DIRECTORY_CHANGES_FILE = 'directory-changes.jsonl';

export function directoryChangesPath(dir: string): string {
  return join(dir, DIRECTORY_CHANGES_FILE);
}

function isDirectoryChange(value: unknown): value is DirectoryChange {
  const r = value as Partial<DirectoryChange> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    Number.isInteger(r.seq) &&
    typeof r.at === 'string' &&
    typeof r.summary === 'string' &&
    typeof r.by === 'object' &&
    r.by !== null &&
    typeof r.edit === 'object' &&
    r.edit !== null
  );
}

/** Only the known fields are written, so nothing else a caller passes reaches the file. */
function lineOf(change: NewDirectoryChange, seq: number): DirectoryChange {
  const { at, by, edit, summary } = structuredClone(change);
  return { seq, at, by, edit, summary };
}

/** The changes after `afterSeq`, oldest first; unreadable lines are skipped (and reported through `warn`). */
export async function readDirectoryChanges(
  path: string,
  afterSeq: number,
  warn: (message: string) => void,
): Promise<DirectoryChange[]> {
  const contents = await readJsonl(path);
  if (contents.badLines.length > 0)
    warn(`Skipped unreadable lines ${contents.badLines.join(', ')} of ${path}.`);
  return contents.records
    .filter(isDirectoryChange)
    .filter((change) => change.seq > afterSeq)
    .sort((a, b) => a.seq - b.seq);
}

export class DirectoryChangeLog {
  private constructor(
    private readonly path: string,
    private readonly appender: JsonlAppender,
    private lastSeq: number,
    private readonly warn: (message: string) => void,
  ) {}

  static async open(
    dir: string,
    durable: boolean,
    warn: (message: string) => void,
  ): Promise<DirectoryChangeLog> {
    const path = directoryChangesPath(dir);
    const contents = await readJsonl(path);
    if (contents.badLines.length > 0)
      warn(`Skipped unreadable lines ${contents.badLines.join(', ')} of ${path}.`);
    await dropTornTail(path, contents.tornBytes);
    const lastSeq = contents.records
      .filter(isDirectoryChange)
      .reduce((max, change) => Math.max(max, change.seq), 0);
    return new DirectoryChangeLog(path, await JsonlAppender.open(path, durable), lastSeq, warn);
  }

  append(change: NewDirectoryChange): Promise<DirectoryChange> {
    // Numbered before the first await, so two appends never share a seq.
    this.lastSeq += 1;
    const stored = lineOf(change, this.lastSeq);
    return this.appender.append(stored).then(() => structuredClone(stored));
  }

  list(afterSeq = 0): Promise<DirectoryChange[]> {
    return readDirectoryChanges(this.path, afterSeq, this.warn);
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
