/**
 * Directory contacts and actors → Slack user ids. A stored `slackId` wins;
 * otherwise the contact is looked up by email, and the answer, found or not,
 * is remembered for a while so a busy incident does not ask Slack about the
 * same person on every reminder (`users.lookupByEmail` is rate-limited).
 */
import type { webApi } from '@slack/bolt';
import type { Contact } from '../../../core/directory/directory-schema.js';
import type { Recipients, ResolvedRecipients } from '../../../ports.js';
import { mapSettled } from './concurrency.js';
import { slackErrorCode } from './slack-errors.js';

const ACTOR_PREFIX = 'slack:';
const LOOKUP_CONCURRENCY = 8;

export interface RecipientResolverOptions {
  /** How long an email's answer is trusted, found or not (1 hour by default). */
  ttlMs?: number;
  /** Milliseconds since the epoch, for expiry only. */
  now?: () => number;
}

interface CachedLookup {
  /** The user id, or undefined when Slack has no such (active) user. */
  answer: Promise<string | undefined>;
  expiresAt: number;
}

export class RecipientResolver {
  private readonly cache = new Map<string, CachedLookup>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly botUserId: () => Promise<string>,
    options: RecipientResolverOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  async resolve({ contacts, actors }: Recipients): Promise<ResolvedRecipients> {
    const ids: string[] = actors
      .filter((actor) => actor.id.startsWith(ACTOR_PREFIX))
      .map((actor) => actor.id.slice(ACTOR_PREFIX.length));
    const missing: Contact[] = [];
    const found = await mapSettled(contacts, LOOKUP_CONCURRENCY, (contact) => this.userIdOf(contact));
    contacts.forEach((contact, i) => {
      const id = found[i];
      if (id) ids.push(id);
      else missing.push(contact);
    });
    const bot = ids.length > 0 ? await this.botUserId() : undefined;
    return { userIds: [...new Set(ids)].filter((id) => id !== '' && id !== bot), missing };
  }

  private userIdOf(contact: Contact): Promise<string | undefined> {
    if (contact.slackId) return Promise.resolve(contact.slackId);
    const email = contact.email.toLowerCase();
    const cached = this.cache.get(email);
    if (cached && cached.expiresAt > this.now()) return cached.answer;
    // The promise is cached, not its result, so concurrent resolves share one request.
    const answer = this.lookup(email).catch((error: unknown) => {
      this.cache.delete(email);
      throw error;
    });
    this.cache.set(email, { answer, expiresAt: this.now() + this.ttlMs });
    return answer;
  }

  private async lookup(email: string): Promise<string | undefined> {
    try {
      const { user } = await this.client.users.lookupByEmail({ email });
      return user?.id && !user.deleted && !user.is_bot ? user.id : undefined;
    } catch (error) {
      if (slackErrorCode(error) === 'users_not_found') return undefined;
      throw error;
    }
  }
}
