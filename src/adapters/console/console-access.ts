/**
 * Who is using the console and what they may see. The console has no
 * sign-in: the page says which directory contact it acts as, and every
 * request names that contact. Seeing follows the chat platforms: everyone
 * sees the coordination channel, members (and the partnership's coordinators)
 * an incident channel, each person their own direct messages. Whether they
 * may act on an incident is the app's rule (checkAccess); this module only
 * supplies the console's membership fact. Coordinators are the directory's
 * and the configured ones (`deps.coordinators`: MUSTER_COORDINATORS and the
 * user groups' members), matched by the console actor id `console:<contact>`.
 */
import { type AccessDecision, checkAccess, isCoordinator, type PendingRequester } from '../../app/access.js';
import type { DirectoryDeps } from '../../app/deps.js';
import type { Actor } from '../../core/actor.js';
import type { Contact, Directory } from '../../core/directory/directory-schema.js';
import type { Incident } from '../../core/incident/incident.js';
import { CONSOLE_PLATFORM, type ConsoleChannel, directChannelId } from './console-model.js';
import type { ConsoleStore } from './console-store.js';

const ACTOR_PREFIX = `${CONSOLE_PLATFORM}:`;

export interface ConsolePerson {
  contact: Contact;
  /** `console:<contactId>` with the contact's name, for the audit. */
  actor: Actor;
  coordinator: boolean;
}

export function consoleActor(contact: Contact): Actor {
  return { id: `${ACTOR_PREFIX}${contact.id}`, name: contact.name, contactId: contact.id };
}

/** `console:pat-police` → `pat-police`; an actor from another platform is not a console user. */
export function consoleUserOf(actorId: string): string | undefined {
  return actorId.startsWith(ACTOR_PREFIX) ? actorId.slice(ACTOR_PREFIX.length) : undefined;
}

/** The contact as a console user; `configured`: the configured coordinators' platform ids. */
export function findPerson(
  directory: Directory,
  contactId: string | undefined,
  configured: readonly string[] = [],
): ConsolePerson | undefined {
  const contact = contactId ? directory.contacts.find((c) => c.id === contactId) : undefined;
  if (!contact) return undefined;
  return {
    contact,
    actor: consoleActor(contact),
    coordinator: isConsoleCoordinator(directory, contact.id, configured),
  };
}

const isConsoleCoordinator = (directory: Directory, contactId: string, configured: readonly string[]) =>
  isCoordinator(directory, { contactId, actorId: `${ACTOR_PREFIX}${contactId}` }, configured);

export function canSeeChannel(
  directory: Directory,
  channel: ConsoleChannel,
  contactId: string | undefined,
  configured: readonly string[] = [],
): boolean {
  if (!contactId) return false;
  switch (channel.kind) {
    case 'coordination':
      return true;
    case 'direct':
      return channel.id === directChannelId(contactId);
    case 'incident':
      return channel.memberIds.includes(contactId) || isConsoleCoordinator(directory, contactId, configured);
  }
}

/** Whether the person is in the incident's console channel: the membership half of canActOnIncident. */
export function isIncidentMember(store: ConsoleStore, incident: Incident, contactId: string): boolean {
  const spaceId = incident.spaces[CONSOLE_PLATFORM]?.spaceId;
  const channel = spaceId ? store.channel(spaceId) : undefined;
  return channel?.memberIds.includes(contactId) ?? false;
}

/** The app's rule, with the console's membership fact and the configured coordinators. */
export function decideAccess(
  deps: Pick<DirectoryDeps, 'directory' | 'coordinators'>,
  store: ConsoleStore,
  incident: Incident,
  person: ConsolePerson,
): Promise<AccessDecision> {
  return checkAccess(deps.directory, incident, consoleRequester(store, person), deps.coordinators);
}

/** The console's facts about the person, for the app's access checks. */
export function consoleRequester(store: ConsoleStore, person: ConsolePerson): PendingRequester {
  const contactId = person.contact.id;
  return {
    contactId,
    actorId: person.actor.id,
    isSpaceMember: (incident) => isIncidentMember(store, incident, contactId),
  };
}
