/**
 * Who a Slack user is, as Muster's use cases need it: an `Actor`
 * (`slack:U123` with the person's full name, for the audit) and, for coordinator checks and the Home
 * tab, their email. `users.info` is asked once per person and remembered for
 * a while; handlers ask after they have acked, never before, and a failed
 * look-up falls back to the bare id so the person's action still counts.
 */
import type { webApi } from '@slack/bolt';
import type { Actor } from '../../../core/actor.js';

const PREFIX = 'slack:';

/** `U123` or `slack:U123` → `U123`. */
export function slackUserId(id: string): string {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
}

/** `U123` → `slack:U123`, the platform-qualified actor id. */
export function slackActorId(userId: string): string {
  return `${PREFIX}${slackUserId(userId)}`;
}

export interface SlackPerson {
  actor: Actor;
  email?: string;
  /** False when Slack could not be asked: the name is the bare id. */
  known: boolean;
}

interface Cached {
  person: SlackPerson;
  until: number;
}

export interface SlackPeopleOptions {
  /** How long a look-up is trusted; names and emails rarely change. */
  ttlMs?: number;
  /** Milliseconds since the epoch, for expiry only. */
  now?: () => number;
  onError?: (userId: string, error: unknown) => void;
}

export class SlackPeople {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<SlackPerson>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly options: SlackPeopleOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** What is known without asking Slack: for the moments before an ack. */
  cached(userId: string, fallbackName?: string): SlackPerson {
    const id = slackUserId(userId);
    const hit = this.cache.get(id);
    if (hit && hit.until > this.now()) return hit.person;
    return { actor: { id: slackActorId(id), name: fallbackName || id }, known: false };
  }

  /** The person, from the cache or `users.info`; concurrent asks for one person share one call. */
  async lookup(userId: string, fallbackName?: string): Promise<SlackPerson> {
    const id = slackUserId(userId);
    const hit = this.cache.get(id);
    if (hit && hit.until > this.now()) return hit.person;
    const inFlight = this.pending.get(id);
    if (inFlight) return inFlight;
    const asking = this.ask(id, fallbackName).finally(() => this.pending.delete(id));
    this.pending.set(id, asking);
    return asking;
  }

  async actor(userId: string, fallbackName?: string): Promise<Actor> {
    return (await this.lookup(userId, fallbackName)).actor;
  }

  private async ask(id: string, fallbackName?: string): Promise<SlackPerson> {
    try {
      const answer = await this.client.users.info({ user: id });
      const user = answer.user;
      const name =
        user?.real_name ||
        user?.profile?.real_name ||
        user?.profile?.display_name ||
        user?.name ||
        fallbackName ||
        id;
      const person: SlackPerson = {
        actor: { id: slackActorId(id), name },
        ...(user?.profile?.email ? { email: user.profile.email } : {}),
        known: true,
      };
      this.cache.set(id, { person, until: this.now() + this.ttlMs });
      return person;
    } catch (error) {
      this.options.onError?.(id, error);
      return this.cached(id, fallbackName);
    }
  }
}
