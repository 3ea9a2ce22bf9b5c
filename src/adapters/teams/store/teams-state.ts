/**
 * What the Teams adapter learns and every replica must be able to use: the
 * Bot Connector address and tenant seen on incoming activities, each
 * person's one-to-one conversation with the bot (for proactive messages),
 * which incident spaces are channels and which group chats, and the group
 * chat made for each incident (Graph cannot search chats by name, so this is
 * what makes the fallback idempotent). It lives in the Store's platform
 * records (keys in `teams-records.ts`), so a reminder sent by one replica
 * reaches a conversation another replica learned.
 *
 * Reads come from an in-memory cache filled at open; a key this replica has
 * not seen is looked up in the Store, since another replica may have learned
 * it. Writes go to the Store first and into the cache once saved.
 */
import { rm } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Store } from '../../../ports.js';
import { legacyTeamsFile, readLegacyTeamsFile } from './legacy-teams-file.js';
import {
  type PersonalConversation,
  personalSchema,
  type SpaceKind,
  schemaFor,
  spaceSchema,
  TEAMS_NAMESPACE,
  type TeamsRecord,
  teamsRecordKey,
} from './teams-records.js';

export type { PersonalConversation, SpaceKind } from './teams-records.js';

export interface TeamsStateLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface TeamsStateOptions {
  store: Store;
  /** Where the file of an older Muster may be (`<dataDir>/teams/conversations.json`), imported once. */
  dataDir: string;
  log?: TeamsStateLog;
}

const QUIET: TeamsStateLog = { info: () => {}, warn: () => {} };

export class TeamsState {
  private readonly cache = new Map<string, unknown>();

  private constructor(
    private readonly store: Store,
    private readonly log: TeamsStateLog,
  ) {}

  /** Loads the records; the first time, brings in the file an older Muster kept. */
  static async open(options: TeamsStateOptions): Promise<TeamsState> {
    const log = options.log ?? QUIET;
    const state = new TeamsState(options.store, log);
    let records = await options.store.listPlatformRecords(TEAMS_NAMESPACE);
    if (records.length === 0) records = await state.importLegacyFile(options.dataDir);
    for (const { key, value } of records) state.accept(key, value);
    return state;
  }

  /** The connector address and tenant, from the Store when this replica has not learned them itself. */
  async connector(): Promise<{ serviceUrl?: string; tenantId?: string }> {
    const serviceUrl = await this.lookup<string>(teamsRecordKey.serviceUrl);
    const tenantId = await this.lookup<string>(teamsRecordKey.tenantId);
    return { ...(serviceUrl ? { serviceUrl } : {}), ...(tenantId ? { tenantId } : {}) };
  }

  personal(userId: string): Promise<PersonalConversation | undefined> {
    return this.lookup(teamsRecordKey.personal(userId));
  }

  space(conversationId: string): Promise<SpaceKind | undefined> {
    return this.lookup(teamsRecordKey.space(conversationId));
  }

  chatFor(reference: string): Promise<string | undefined> {
    return this.lookup(teamsRecordKey.chat(reference));
  }

  /** Remembers what an incoming activity tells; writes only what this replica did not already know. */
  async learn(seen: {
    serviceUrl?: string;
    tenantId?: string;
    personal?: { userId: string; conversation: PersonalConversation };
  }): Promise<void> {
    if (seen.serviceUrl) await this.save(teamsRecordKey.serviceUrl, seen.serviceUrl);
    if (seen.tenantId) await this.save(teamsRecordKey.tenantId, seen.tenantId);
    if (seen.personal) {
      const conversation = personalSchema.parse(seen.personal.conversation);
      await this.save(teamsRecordKey.personal(seen.personal.userId), conversation);
    }
  }

  async rememberSpace(conversationId: string, space: SpaceKind, reference?: string): Promise<void> {
    await this.save(teamsRecordKey.space(conversationId), spaceSchema.parse(space));
    if (reference && space.kind === 'chat') await this.save(teamsRecordKey.chat(reference), conversationId);
  }

  /** The retention purge: the group chat made for the incident is no longer remembered by its reference. */
  async forgetIncident(reference: string): Promise<void> {
    const chat = await this.chatFor(reference);
    if (chat === undefined) return;
    await this.forget(teamsRecordKey.chat(reference));
    await this.forget(teamsRecordKey.space(chat));
  }

  private async lookup<T>(key: string): Promise<T | undefined> {
    if (this.cache.has(key)) return structuredClone(this.cache.get(key)) as T;
    this.accept(key, await this.store.getPlatformRecord(TEAMS_NAMESPACE, key));
    return structuredClone(this.cache.get(key)) as T | undefined;
  }

  private async save(key: string, value: unknown): Promise<void> {
    if (isDeepStrictEqual(this.cache.get(key), value)) return;
    await this.store.putPlatformRecord(TEAMS_NAMESPACE, key, value);
    this.cache.set(key, structuredClone(value));
  }

  private async forget(key: string): Promise<void> {
    await this.store.deletePlatformRecord(TEAMS_NAMESPACE, key);
    this.cache.delete(key);
  }

  /** Caches a record read from the Store; a forgotten one is left out and one in another shape reported. */
  private accept(key: string, value: unknown): void {
    if (value === undefined || value === null) return;
    const parsed = schemaFor(key)?.safeParse(value);
    if (parsed?.success) {
      this.cache.set(key, parsed.data);
      return;
    }
    this.log.warn(`Ignored the Teams record ${key} in the store: it is not in the form Muster writes`);
  }

  private async importLegacyFile(dataDir: string): Promise<TeamsRecord[]> {
    const records = await readLegacyTeamsFile(dataDir, (message) => this.log.warn(message));
    if (records.length === 0) return [];
    for (const { key, value } of records) await this.store.putPlatformRecord(TEAMS_NAMESPACE, key, value);
    // Removed only once every record is in the Store; it names incidents, and retention must reach them.
    await rm(legacyTeamsFile(dataDir), { force: true });
    this.log.info(
      `Moved ${records.length} Teams record(s) from ${legacyTeamsFile(dataDir)} into the store, so every ` +
        'replica can use them, and removed that file.',
    );
    return records;
  }
}
