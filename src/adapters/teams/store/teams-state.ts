/**
 * What the Teams adapter learns and must remember across restarts, in one
 * small JSON file (`<dataDir>/teams/conversations.json`, written atomically):
 * the Bot Connector address and tenant seen on incoming activities, each
 * person's one-to-one conversation with the bot (for proactive messages),
 * which incident spaces are channels and which group chats, and the group
 * chat made for each incident (Graph cannot search chats by name, so this is
 * what makes the fallback idempotent). Incidents themselves are in the Store.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../storage/lowdb/atomic-file.js';

const personalSchema = z.object({ conversationId: z.string(), serviceUrl: z.string() });
const spaceSchema = z.object({ kind: z.enum(['channel', 'chat']), teamId: z.string().optional() });

const fileSchema = z.object({
  version: z.literal(1),
  serviceUrl: z.string().optional(),
  tenantId: z.string().optional(),
  /** Entra object id → the bot's one-to-one conversation with that person. */
  personal: z.record(z.string(), personalSchema).default({}),
  /** Conversation id of an incident space → where it lives, for Graph. */
  spaces: z.record(z.string(), spaceSchema).default({}),
  /** Incident reference → the group chat made for it when a channel could not be. */
  chats: z.record(z.string(), z.string()).default({}),
});

export type TeamsStateData = z.infer<typeof fileSchema>;
export type PersonalConversation = z.infer<typeof personalSchema>;
export type SpaceKind = z.infer<typeof spaceSchema>;

const EMPTY: TeamsStateData = { version: 1, personal: {}, spaces: {}, chats: {} };

export class TeamsState {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private data: TeamsStateData,
  ) {}

  /** Opens the file; an unreadable one is reported and started afresh (everything in it is relearned). */
  static async open(dataDir: string, onWarning?: (message: string) => void): Promise<TeamsState> {
    const dir = join(dataDir, 'teams');
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'conversations.json');
    let data = structuredClone(EMPTY);
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      if (parsed.success) data = parsed.data;
      else onWarning?.(`${path} is not a Muster Teams file; starting afresh`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        onWarning?.(`${path} could not be read (${(error as Error).message}); starting afresh`);
    }
    return new TeamsState(path, data);
  }

  get serviceUrl(): string | undefined {
    return this.data.serviceUrl;
  }

  get tenantId(): string | undefined {
    return this.data.tenantId;
  }

  personal(userId: string): PersonalConversation | undefined {
    return this.data.personal[userId];
  }

  space(conversationId: string): SpaceKind | undefined {
    return this.data.spaces[conversationId];
  }

  chatFor(reference: string): string | undefined {
    return this.data.chats[reference];
  }

  /** Remembers what an incoming activity tells; writes only when something changed. */
  async learn(seen: {
    serviceUrl?: string;
    tenantId?: string;
    personal?: { userId: string; conversation: PersonalConversation };
  }): Promise<void> {
    const next = structuredClone(this.data);
    if (seen.serviceUrl) next.serviceUrl = seen.serviceUrl;
    if (seen.tenantId) next.tenantId = seen.tenantId;
    if (seen.personal) next.personal[seen.personal.userId] = seen.personal.conversation;
    await this.replace(next);
  }

  async rememberSpace(conversationId: string, space: SpaceKind, reference?: string): Promise<void> {
    const next = structuredClone(this.data);
    next.spaces[conversationId] = space;
    if (reference && space.kind === 'chat') next.chats[reference] = conversationId;
    await this.replace(next);
  }

  /** Writes are serialised, so two turns learning at once never lose one another's change. */
  private replace(next: TeamsStateData): Promise<void> {
    if (JSON.stringify(next) === JSON.stringify(this.data)) return this.writing;
    this.data = next;
    const text = `${JSON.stringify(next, null, 2)}\n`;
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.path, text, true));
    return this.writing;
  }
}
