/**
 * People on Teams are Entra ID users, known by their object id (the
 * `aadObjectId` on every activity, the id Graph adds to channels and chats).
 * This finds them both ways through Graph's `GET /users/{id or email}`:
 * a directory contact's user id (a stored `teamsId` wins, else by email), and
 * the email behind a user who wrote to the bot, to match the directory.
 * Answers, found or not, are kept for a while (Graph throttles), and
 * concurrent questions about one person share one request.
 */
import type { Actor } from '../../../core/actor.js';
import type { Contact, Directory } from '../../../core/directory/directory-schema.js';
import type { Recipients, ResolvedRecipients } from '../../../ports.js';
import { type GraphClient, isGraphError } from '../graph/graph-client.js';
import { TEAMS_PLATFORM } from '../ids.js';

const ACTOR_PREFIX = `${TEAMS_PLATFORM}:`;
/** A directory contact chosen in a form whom Graph could not find: `teams:contact:<contact id>`. */
const CONTACT_ACTOR_PREFIX = `${ACTOR_PREFIX}contact:`;

interface GraphUser {
  id: string;
  displayName?: string;
  mail?: string | null;
  userPrincipalName?: string;
  accountEnabled?: boolean;
}

interface Cached<T> {
  answer: Promise<T>;
  expiresAt: number;
}

export interface TeamsUsersOptions {
  /** How long an answer is trusted (1 hour by default). */
  ttlMs?: number;
  now?: () => number;
}

/** `teams:<object id>`: the actor id of a Teams user, the same whichever conversation they used. */
export const teamsActorId = (userId: string) => `${ACTOR_PREFIX}${userId}`;

/** The Entra object id inside a Teams actor id, if it is one. */
export function userIdOfActor(actorId: string): string | undefined {
  if (!actorId.startsWith(ACTOR_PREFIX) || actorId.startsWith(CONTACT_ACTOR_PREFIX)) return undefined;
  return actorId.slice(ACTOR_PREFIX.length) || undefined;
}

export class TeamsUsers {
  private readonly byEmail = new Map<string, Cached<string | undefined>>();
  private readonly emails = new Map<string, Cached<string | undefined>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly graph: GraphClient,
    options: TeamsUsersOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** The users to reach: Teams actors as they are, others by their directory contact. */
  async resolve(directory: Directory, { contacts, actors }: Recipients): Promise<ResolvedRecipients> {
    const ids: string[] = [];
    const wanted = [...contacts];
    for (const actor of actors) {
      const userId = userIdOfActor(actor.id);
      const contact = actor.contactId ? directory.contacts.find((c) => c.id === actor.contactId) : undefined;
      if (userId) ids.push(userId);
      else if (contact && !wanted.includes(contact)) wanted.push(contact);
    }
    const found = await Promise.all(wanted.map((contact) => this.userIdOf(contact)));
    const missing = wanted.filter((contact, i) => {
      const id = found[i];
      if (id) ids.push(id);
      return !id && contacts.includes(contact);
    });
    return { userIds: [...new Set(ids)], missing };
  }

  /** A directory contact's user id: the stored one, else Graph's answer for the email. */
  userIdOf(contact: Contact): Promise<string | undefined> {
    if (contact.teamsId) return Promise.resolve(contact.teamsId);
    return this.cached(this.byEmail, contact.email.toLowerCase(), async (email) => {
      const user = await this.user(email, 'id,accountEnabled');
      return user && user.accountEnabled !== false ? user.id : undefined;
    });
  }

  /** The email of a user who wrote to the bot, to match them to the directory. */
  emailOf(userId: string): Promise<string | undefined> {
    return this.cached(this.emails, userId, async (id) => {
      const user = await this.user(id, 'id,mail,userPrincipalName');
      return (user?.mail ?? user?.userPrincipalName)?.toLowerCase();
    });
  }

  /**
   * The actor a form's person field names. Its value is a directory contact
   * id (the choices Teams forms offer), or a Teams user id a use case preset.
   */
  async chosenActor(directory: Directory, value: string | undefined): Promise<Actor | undefined> {
    if (!value) return undefined;
    const contact =
      directory.contacts.find((c) => c.id === value) ?? (await this.contactOf(directory, value));
    if (!contact) return undefined;
    let userId: string | undefined;
    try {
      userId = await this.userIdOf(contact);
    } catch {
      // Graph being down must not stop a report: the contact id still names the person.
    }
    return {
      id: userId ? teamsActorId(userId) : `${CONTACT_ACTOR_PREFIX}${contact.id}`,
      name: contact.name,
      contactId: contact.id,
    };
  }

  /** The directory contact a Teams user is: by stored `teamsId`, else by the email Graph has for them. */
  async contactOf(directory: Directory, userId: string): Promise<Contact | undefined> {
    const stored = directory.contacts.find((c) => c.teamsId === userId);
    if (stored) return stored;
    let email: string | undefined;
    try {
      email = await this.emailOf(userId);
    } catch {
      return undefined;
    }
    return email ? directory.contacts.find((c) => c.email.toLowerCase() === email) : undefined;
  }

  private async user(idOrEmail: string, select: string): Promise<GraphUser | undefined> {
    try {
      return await this.graph.get<GraphUser>(`/users/${encodeURIComponent(idOrEmail)}?$select=${select}`);
    } catch (error) {
      if (isGraphError(error, 404)) return undefined;
      throw error;
    }
  }

  /** The promise is kept, not its result, so concurrent questions share one request; a failure is not kept. */
  private cached<T>(
    cache: Map<string, Cached<T>>,
    key: string,
    ask: (key: string) => Promise<T>,
  ): Promise<T> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.answer;
    const answer = ask(key).catch((error: unknown) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, { answer, expiresAt: this.now() + this.ttlMs });
    return answer;
  }
}
