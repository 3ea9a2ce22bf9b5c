/**
 * The local console's chat history: channels and messages in memory, and
 * every change appended to `<dataDir>/console/console.jsonl` (the last record
 * for an id wins), so a restart shows the same channels, cards and replies.
 * The simulated clock's offset is kept here too: incidents stored while time
 * ran ahead would otherwise look as if they lay in the future after a restart.
 * Uploaded files' bytes go under `<dataDir>/console/files/`, their records here.
 * Incidents themselves live in the Store; this is only what the chat showed.
 * When the retention purge removes an incident, everything here that names it
 * goes too (`forgetIncident`): the log is rewritten without those records.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { referencePattern } from '../shared/reference-pattern.js';
import { writeFileAtomic } from '../storage/lowdb/atomic-file.js';
import { dropTornTail, JsonlAppender, readJsonl } from '../storage/lowdb/jsonl-file.js';
import {
  type ConsoleChannel,
  type ConsoleMessage,
  type ConsoleStoredFile,
  channelSchema,
  messageSchema,
  storedFileSchema,
} from './console-model.js';

const recordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('channel'), channel: channelSchema }),
  z.object({ type: z.literal('message'), message: messageSchema }),
  z.object({ type: z.literal('clock'), offsetMs: z.number().nonnegative() }),
  z.object({ type: z.literal('file'), file: storedFileSchema }),
]);

type ConsoleRecord = z.infer<typeof recordSchema>;

/** Rewrite the file at open once superseded records outnumber live ones by this much (cards update often). */
const COMPACT_SLACK = 500;

export interface ConsoleStoreOptions {
  /** Told how many records could not be read (counts only: the records hold people's names). */
  onWarning?: (message: string) => void;
}

export class ConsoleStore {
  private readonly channelsById = new Map<string, ConsoleChannel>();
  private readonly messagesById = new Map<string, ConsoleMessage>();
  private readonly filesById = new Map<string, ConsoleStoredFile>();
  /** Message ids per channel in the order first posted; an update keeps its place, as in a chat. */
  private readonly order = new Map<string, string[]>();
  private offset = 0;
  /** While the log is rewritten, appends wait for the new file. */
  private rewriting: Promise<void> | undefined;

  private constructor(
    private appender: JsonlAppender,
    private readonly logPath: string,
    private readonly filesDir: string,
  ) {}

  static async open(dataDir: string, options: ConsoleStoreOptions = {}): Promise<ConsoleStore> {
    const dir = join(dataDir, 'console');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'console.jsonl');
    const contents = await readJsonl(file);
    await dropTornTail(file, contents.tornBytes);
    const records: ConsoleRecord[] = [];
    let unreadable = contents.badLines.length;
    for (const raw of contents.records) {
      const parsed = recordSchema.safeParse(raw);
      if (parsed.success) records.push(parsed.data);
      else unreadable += 1;
    }
    if (unreadable > 0) {
      options.onWarning?.(`console history: ${unreadable} unreadable record(s) in ${file} were skipped`);
    }
    const live = ConsoleStore.replay(records);
    if (records.length > 2 * live.length + COMPACT_SLACK) {
      await writeFileAtomic(file, live.map((r) => `${JSON.stringify(r)}\n`).join(''), true);
    }
    const store = new ConsoleStore(await JsonlAppender.open(file, false), file, join(dir, 'files'));
    for (const record of live) store.apply(record);
    return store;
  }

  /** The last record per channel, message and the clock, in first-seen order. */
  private static replay(records: ConsoleRecord[]): ConsoleRecord[] {
    const latest = new Map<string, ConsoleRecord>();
    for (const record of records) {
      const key =
        record.type === 'channel'
          ? `c:${record.channel.id}`
          : record.type === 'message'
            ? `m:${record.message.id}`
            : record.type === 'file'
              ? `f:${record.file.id}`
              : 'clock';
      // Keep the first-seen position (Map insertion order) with the latest content.
      latest.set(key, record);
    }
    return [...latest.values()];
  }

  private apply(record: ConsoleRecord): void {
    switch (record.type) {
      case 'channel':
        this.channelsById.set(record.channel.id, record.channel);
        return;
      case 'message': {
        const { message } = record;
        if (!this.messagesById.has(message.id)) {
          const ids = this.order.get(message.channelId) ?? [];
          ids.push(message.id);
          this.order.set(message.channelId, ids);
        }
        this.messagesById.set(message.id, message);
        return;
      }
      case 'clock':
        this.offset = record.offsetMs;
        return;
      case 'file':
        this.filesById.set(record.file.id, record.file);
    }
  }

  /** Applies in memory at once (readers never see a stale state) and resolves once appended. */
  private async write(record: ConsoleRecord): Promise<void> {
    this.apply(record);
    // No await between the check and the append: the appender cannot be swapped under it.
    while (this.rewriting) await this.rewriting;
    await this.appender.append(record);
  }

  /**
   * Forgets an incident (the retention purge): its channel and every message,
   * file record and file that names its reference anywhere (a notice in the
   * coordination channel, a document in someone's direct messages), then
   * rewrites the log without them. Returns how many records went.
   */
  async forgetIncident(reference: string): Promise<number> {
    const names = referencePattern(reference);
    const mentions = (value: unknown) => names.test(JSON.stringify(value));
    const channels = new Set(
      this.channels()
        .filter((c) => mentions(c))
        .map((c) => c.id),
    );
    const messages = [...this.messagesById.values()].filter((m) => channels.has(m.channelId) || mentions(m));
    const fileIds = new Set([
      ...messages.flatMap((m) => (m.files ?? []).map((f) => f.id)),
      ...[...this.filesById.values()].filter(mentions).map((f) => f.id),
    ]);
    const files = [...fileIds].flatMap((id) => this.filesById.get(id) ?? []);
    const gone = channels.size + messages.length + files.length;
    if (gone === 0) return 0;
    for (const id of channels) {
      this.channelsById.delete(id);
      this.order.delete(id);
    }
    for (const message of messages) {
      this.messagesById.delete(message.id);
      const ids = this.order.get(message.channelId);
      if (ids)
        this.order.set(
          message.channelId,
          ids.filter((id) => id !== message.id),
        );
    }
    for (const file of files) {
      this.filesById.delete(file.id);
      await rm(join(this.filesDir, file.storedAs), { force: true });
    }
    await this.rewrite();
    return gone;
  }

  /** The log as what is live now, swapped in atomically; appends meanwhile go to the new file. */
  private async rewrite(): Promise<void> {
    const done = (async () => {
      await this.appender.close();
      await writeFileAtomic(
        this.logPath,
        this.liveRecords()
          .map((r) => `${JSON.stringify(r)}\n`)
          .join(''),
        true,
      );
      this.appender = await JsonlAppender.open(this.logPath, false);
    })();
    this.rewriting = done;
    try {
      await done;
    } finally {
      if (this.rewriting === done) this.rewriting = undefined;
    }
  }

  private liveRecords(): ConsoleRecord[] {
    return [
      ...[...this.channelsById.values()].map((channel) => ({ type: 'channel' as const, channel })),
      ...[...this.order.values()].flatMap((ids) =>
        ids.map((id) => ({ type: 'message' as const, message: this.messagesById.get(id)! })),
      ),
      ...[...this.filesById.values()].map((file) => ({ type: 'file' as const, file })),
      ...(this.offset > 0 ? [{ type: 'clock' as const, offsetMs: this.offset }] : []),
    ];
  }

  channel(id: string): ConsoleChannel | undefined {
    return this.channelsById.get(id);
  }

  channels(): ConsoleChannel[] {
    return [...this.channelsById.values()];
  }

  async saveChannel(channel: ConsoleChannel): Promise<ConsoleChannel> {
    await this.write({ type: 'channel', channel });
    return channel;
  }

  message(id: string): ConsoleMessage | undefined {
    return this.messagesById.get(id);
  }

  messagesIn(channelId: string): ConsoleMessage[] {
    return (this.order.get(channelId) ?? []).map((id) => this.messagesById.get(id)!);
  }

  /** Adds the message, or replaces the one with its id in place. */
  async saveMessage(message: ConsoleMessage): Promise<ConsoleMessage> {
    await this.write({ type: 'message', message });
    return message;
  }

  /** Writes the bytes first, then the record: a record never points at a file that is not there. */
  async saveFile(file: ConsoleStoredFile, content?: Buffer): Promise<ConsoleStoredFile> {
    if (content) {
      await mkdir(this.filesDir, { recursive: true });
      await writeFileAtomic(join(this.filesDir, file.storedAs), content, false);
    }
    await this.write({ type: 'file', file });
    return file;
  }

  file(id: string): ConsoleStoredFile | undefined {
    return this.filesById.get(id);
  }

  /** The bytes of a stored file; the name comes from its record, never from a request. */
  fileContent(file: ConsoleStoredFile): Promise<Buffer> {
    return readFile(join(this.filesDir, file.storedAs));
  }

  /** How far the simulated clock ran ahead when last moved. */
  get clockOffsetMs(): number {
    return this.offset;
  }

  async saveClockOffset(offsetMs: number): Promise<void> {
    await this.write({ type: 'clock', offsetMs });
  }

  async close(): Promise<void> {
    await this.rewriting;
    await this.appender.close();
  }
}
