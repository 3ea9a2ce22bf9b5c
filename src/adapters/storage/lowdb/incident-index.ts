/**
 * `index.jsonl`: what the store knows about every incident without opening
 * its file. Append-only, so a write costs the same with 10 incidents or
 * 10,000; read into memory at open, where the last record for an id wins, and
 * rewritten (compacted) at open once superseded lines pile up. It carries:
 *
 *  - each incident's summary, for `listIncidents`;
 *  - each incident's next claimable reminder time, so `claimDueReminders`
 *    opens only the files that have something due;
 *  - the reference counter per year, so `allocateReference` never repeats;
 *  - "pending" marks written before an incident file changes, so a crash
 *    between the file and its index record is repaired at the next open;
 *
 * An incident purged by retention is dropped and the index rewritten at once,
 * so no line names it any more.
 */
import type { IncidentStatus, IncidentSummary } from '../../../core/incident/incident.js';
import { formatReference, parseReference } from '../../../core/incident/reference.js';
import { writeFileAtomic } from './atomic-file.js';
import { dropTornTail, JsonlAppender, readJsonl } from './jsonl-file.js';

export interface IndexEntry {
  summary: IncidentSummary;
  /** Epoch ms when the earliest unsent reminder can next be claimed; absent when none is waiting. */
  nextDueAt?: number;
}

type IndexRecord =
  | { t: 'incident'; summary: IncidentSummary; nextDueAt: string | null }
  | { t: 'pending'; id: string }
  | { t: 'removed'; id: string }
  | { t: 'reference'; year: number; last: number };

export class IncidentIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly lastReference = new Map<number, number>();
  private readonly pending = new Set<string>();
  private lineCount = 0;
  private appender: JsonlAppender | undefined;
  /** A purge's rewrite of the file in progress. */
  private rewriting: Promise<void> | undefined;

  private constructor(
    private readonly path: string,
    private readonly durable: boolean,
  ) {}

  /** For the store that owns the directory: cuts a torn last line off and keeps the file open for appends. */
  static async load(path: string, durable: boolean, warn: (message: string) => void): Promise<IncidentIndex> {
    const index = new IncidentIndex(path, durable);
    await dropTornTail(path, await index.readFile(warn));
    index.appender = await JsonlAppender.open(path, durable);
    return index;
  }

  /**
   * For a read-only store: the file is only read, never repaired or opened for
   * appending, because the process that owns the directory may be appending to
   * it right now (its half-written last line is simply not read). Every write
   * through this index is refused.
   */
  static async snapshot(path: string, warn: (message: string) => void): Promise<IncidentIndex> {
    const index = new IncidentIndex(path, false);
    await index.readFile(warn);
    return index;
  }

  /** Returns the length of the torn last line, which was not applied. */
  private async readFile(warn: (message: string) => void): Promise<number> {
    const contents = await readJsonl(this.path);
    if (contents.badLines.length > 0) {
      warn(
        `Skipped unreadable lines ${contents.badLines.join(', ')} of ${this.path}; incident files are checked instead.`,
      );
    }
    this.lineCount = contents.lineCount;
    for (const record of contents.records) {
      if (!this.apply(record)) warn(`Skipped an index record of unknown shape in ${this.path}.`);
    }
    for (const { summary } of this.entries.values()) this.noteReference(summary.reference);
    return contents.tornBytes;
  }

  private apply(record: unknown): boolean {
    const r = record as Partial<IndexRecord> & Record<string, unknown>;
    if (r.t === 'incident' && r.summary && typeof r.summary.id === 'string') {
      const nextDueAt = typeof r.nextDueAt === 'string' ? Date.parse(r.nextDueAt) : Number.NaN;
      this.entries.set(
        r.summary.id,
        Number.isNaN(nextDueAt) ? { summary: r.summary } : { summary: r.summary, nextDueAt },
      );
      this.pending.delete(r.summary.id);
      return true;
    }
    if (r.t === 'pending' && typeof r.id === 'string') {
      this.pending.add(r.id);
      return true;
    }
    if (r.t === 'removed' && typeof r.id === 'string') {
      this.entries.delete(r.id);
      this.pending.delete(r.id);
      return true;
    }
    if (r.t === 'reference' && Number.isInteger(r.year) && Number.isInteger(r.last)) {
      this.raiseReference(r.year as number, r.last as number);
      return true;
    }
    return false;
  }

  /** Ids whose file changed (or was about to) after their last index record. */
  pendingIds(): string[] {
    return [...this.pending];
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  get(id: string): IndexEntry | undefined {
    return this.entries.get(id);
  }

  /** `Store.listIncidents`: newest first, copies so a caller cannot change the index. */
  list(filter: { status?: readonly IncidentStatus[] } = {}): IncidentSummary[] {
    const wanted = filter.status ? new Set(filter.status) : undefined;
    return [...this.entries.values()]
      .filter((entry) => !wanted || wanted.has(entry.summary.status))
      .map((entry) => ({ ...entry.summary }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  /** Ids with a reminder claimable at `nowMs`, earliest first. */
  dueBy(nowMs: number): string[] {
    const due: Array<[string, number]> = [];
    for (const [id, entry] of this.entries) {
      if (entry.nextDueAt !== undefined && entry.nextDueAt <= nowMs) due.push([id, entry.nextDueAt]);
    }
    return due.sort((a, b) => a[1] - b[1]).map(([id]) => id);
  }

  /** Written before an incident file changes; see the module header. */
  markPending(id: string): Promise<void> {
    return this.append({ t: 'pending', id });
  }

  /** Memory first: the incident file is already written, so memory matches the truth even if the append fails. */
  put(summary: IncidentSummary, nextDueAt: number | undefined): Promise<void> {
    this.entries.set(summary.id, nextDueAt === undefined ? { summary } : { summary, nextDueAt });
    this.noteReference(summary.reference);
    return this.append(toRecord(summary.id, this.entries.get(summary.id)!));
  }

  /**
   * A purged incident: no longer listed, and the index is rewritten without
   * it, so no line names it (retention leaves nothing); appends meanwhile wait
   * for the new file. Its reference number stays used (the counter never goes back).
   */
  async remove(id: string): Promise<void> {
    this.entries.delete(id);
    this.pending.delete(id);
    const done = (this.rewriting ?? Promise.resolve()).then(() => this.compact());
    this.rewriting = done;
    try {
      await done;
    } finally {
      if (this.rewriting === done) this.rewriting = undefined;
    }
  }

  /** Repairs an entry at open from the incident file (or drops it when the file is gone); persisted by `compact`. */
  repair(id: string, entry: IndexEntry | undefined): void {
    if (entry) this.entries.set(id, entry);
    else this.entries.delete(id);
    this.pending.delete(id);
    if (entry) this.noteReference(entry.summary.reference);
  }

  async allocateReference(year: number): Promise<string> {
    const last = (this.lastReference.get(year) ?? 0) + 1;
    const reference = formatReference(year, last);
    // Taken in memory before the await, so concurrent callers never get the same number.
    this.lastReference.set(year, last);
    await this.append({ t: 'reference', year, last });
    return reference;
  }

  /** An incident stored under a reference the counter never issued still uses up that number. */
  private noteReference(reference: string): void {
    const parsed = parseReference(reference);
    if (parsed) this.raiseReference(parsed.year, parsed.sequence);
  }

  private raiseReference(year: number, last: number): void {
    if (last > (this.lastReference.get(year) ?? 0)) this.lastReference.set(year, last);
  }

  /** The last reference number handed out (or stored) per year, for moving the data to another store. */
  referenceCounters(): Map<number, number> {
    return new Map(this.lastReference);
  }

  supersededLines(): number {
    return this.lineCount - this.entries.size - this.lastReference.size;
  }

  /** Rewrites the index with one line per incident and per year: at open, and when an incident is purged. */
  async compact(): Promise<void> {
    const records: IndexRecord[] = [
      ...[...this.lastReference].map(([year, last]): IndexRecord => ({ t: 'reference', year, last })),
      ...[...this.entries].map(([id, entry]) => toRecord(id, entry)),
    ];
    await this.appender?.close();
    await writeFileAtomic(this.path, records.map((r) => `${JSON.stringify(r)}\n`).join(''), this.durable);
    this.lineCount = records.length;
    this.appender = await JsonlAppender.open(this.path, this.durable);
  }

  async close(): Promise<void> {
    while (this.rewriting) await this.rewriting;
    await this.appender?.close();
    this.appender = undefined;
  }

  private async append(record: IndexRecord): Promise<void> {
    // No await between the check and the append: a rewrite cannot swap the appender under it.
    while (this.rewriting) await this.rewriting;
    if (!this.appender) throw new Error('The incident index is closed.');
    this.lineCount += 1;
    return this.appender.append(record);
  }
}

function toRecord(id: string, entry: IndexEntry): IndexRecord {
  return {
    t: 'incident',
    summary: { ...entry.summary, id },
    nextDueAt: entry.nextDueAt === undefined ? null : new Date(entry.nextDueAt).toISOString(),
  };
}
