/**
 * Each incident's timeline: `events/<id>.jsonl`, one event per line, only ever
 * appended. An append opens the file, writes, fsyncs and closes, so its cost
 * does not depend on how long the history is. The last `seq` is read from the
 * file's tail (a few KB) the first time an incident is touched after open, so
 * numbering carries on across restarts without reading the whole log.
 */
import { type FileHandle, open, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import type { IncidentEvent, NewIncidentEvent } from '../../../core/events/incident-event.js';
import { isErrno, syncDir } from './atomic-file.js';
import { dropTornTail } from './jsonl-file.js';
import type { DataDirLayout } from './layout.js';

const TAIL_CHUNK = 4096;

function corruptLog(path: string, where: string): MusterError {
  return new MusterError(
    ErrorCode.CorruptData,
    `The timeline file ${path} cannot be read: ${where} is not a valid event. ` +
      'Restore it from a backup or remove the damaged line, then restart Muster.',
  );
}

export class EventLogs {
  // Only touched under the incident's mutex, so it never races with an append.
  private readonly lastSeq = new Map<string, number>();

  constructor(
    private readonly layout: DataDirLayout,
    private readonly durable: boolean,
    private readonly warn: (message: string) => void,
  ) {}

  /** Numbers and appends events. The caller holds the incident's mutex. */
  async append(incidentId: string, events: NewIncidentEvent[]): Promise<IncidentEvent[]> {
    if (events.length === 0) return [];
    const path = this.layout.eventLog(incidentId);
    const last = this.lastSeq.get(incidentId) ?? (await this.readLastSeq(path));
    const numbered = events.map((event, i) => ({ ...event, incidentId, seq: last + i + 1 }) as IncidentEvent);
    const text = numbered.map((event) => `${JSON.stringify(event)}\n`).join('');
    try {
      const handle = await open(path, 'a');
      try {
        await handle.appendFile(text, 'utf8');
        if (this.durable) await handle.sync();
      } finally {
        await handle.close();
      }
      // The first append creates the file; its folder entry must be durable too.
      if (this.durable && last === 0) await syncDir(this.layout.eventsDir);
    } catch (error) {
      // The tail may now be torn; read it again (and repair it) on the next append.
      this.lastSeq.delete(incidentId);
      throw error;
    }
    this.lastSeq.set(incidentId, last + numbered.length);
    return numbered;
  }

  /** Deletes the incident's log (retention). The caller holds the incident's mutex. */
  async remove(incidentId: string): Promise<void> {
    this.lastSeq.delete(incidentId);
    await rm(this.layout.eventLog(incidentId), { force: true });
    if (this.durable) await syncDir(this.layout.eventsDir);
  }

  /** Streams the log, so paging with `afterSeq` and `limit` stops early instead of loading everything. */
  async list(
    incidentId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<IncidentEvent[]> {
    const path = this.layout.eventLog(incidentId);
    const afterSeq = options.afterSeq ?? 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const found: IncidentEvent[] = [];
    if (limit <= 0) return found;
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return found;
      throw error;
    }
    const stream = handle.createReadStream({ encoding: 'utf8', autoClose: false });
    const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNo = 0;
    // A bad line is only corruption if something follows it; as the very last
    // line it is a torn append that was never acknowledged.
    let badLine: number | undefined;
    try {
      for await (const line of lines) {
        lineNo += 1;
        if (badLine !== undefined) throw corruptLog(path, `line ${badLine}`);
        if (line.trim() === '') continue;
        const event = parseEvent(line);
        if (!event) {
          badLine = lineNo;
          continue;
        }
        if (event.seq <= afterSeq) continue;
        found.push(event);
        if (found.length >= limit) break;
      }
    } finally {
      lines.close();
      stream.destroy();
      await handle.close();
    }
    return found;
  }

  /** Reads back from the end until a complete line is found; also cuts off a torn last line. */
  private async readLastSeq(path: string): Promise<number> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return 0;
      throw error;
    }
    let tornBytes = 0;
    let lastLine: string | undefined;
    try {
      const { size } = await handle.stat();
      for (let chunk = TAIL_CHUNK; ; chunk *= 2) {
        const start = Math.max(0, size - chunk);
        const buffer = Buffer.alloc(size - start);
        await handle.read(buffer, 0, buffer.length, start);
        const end = buffer.lastIndexOf(0x0a);
        if (end === -1 && start > 0) continue;
        tornBytes = buffer.length - (end + 1);
        if (end === -1) break;
        const begin = end === 0 ? -1 : buffer.lastIndexOf(0x0a, end - 1);
        if (begin === -1 && start > 0) continue;
        lastLine = buffer.subarray(begin + 1, end).toString('utf8');
        break;
      }
    } finally {
      await handle.close();
    }
    if (tornBytes > 0) {
      this.warn(
        `Dropped an incomplete last line (${tornBytes} bytes) from ${path}, left by an interrupted write.`,
      );
      await dropTornTail(path, tornBytes);
    }
    if (lastLine === undefined) return 0;
    const event = parseEvent(lastLine);
    if (!event) throw corruptLog(path, 'the last line');
    return event.seq;
  }
}

function parseEvent(line: string): IncidentEvent | undefined {
  try {
    const value = JSON.parse(line) as Partial<IncidentEvent> | null;
    if (value && typeof value === 'object' && Number.isInteger(value.seq)) return value as IncidentEvent;
  } catch {
    // reported by the caller, which knows the line number
  }
  return undefined;
}
