/**
 * The role-gated actions of issue 8, beyond "may act on this incident"
 * (access.ts): exporting what circulates to List 1 (minutes, the report),
 * changing an action's RAG, and editing the directory. Roles, strongest
 * first: CSP coordinators (the directory's area coordinators, plus platform
 * user ids from MUSTER_COORDINATORS), the incident's SIO, members of the
 * incident's space, everyone else. A refusal says who can, changes nothing
 * but the incident's audit (an `access.refused` event: who asked for what).
 */
import type { Action } from '../core/actions/action.js';
import type { Actor } from '../core/actor.js';
import { contactsFor } from '../core/directory/directory.js';
import type { Contact, Directory } from '../core/directory/directory-schema.js';
import type { Incident } from '../core/incident/incident.js';
import { type AccessDecision, isCoordinator } from './access.js';
import type { DirectoryDeps } from './deps.js';
import { nowIso } from './incident-timeline.js';

/** What the platform knows of the person asking. */
export interface RoleIdentity {
  by: Actor;
  contactId?: string;
  email?: string;
}

/** The person's directory contact, by contact id (theirs or their actor's) or email. */
export function contactOf(directory: Directory, who: RoleIdentity): Contact | undefined {
  const id = who.contactId ?? who.by.contactId;
  if (id) return directory.contacts.find((c) => c.id === id);
  const email = who.email?.toLowerCase();
  return email ? directory.contacts.find((c) => c.email.toLowerCase() === email) : undefined;
}

/** A coordinator from the directory or from the configured platform user ids. */
export function isCoordinatorIdentity(
  deps: Pick<DirectoryDeps, 'directory' | 'coordinators'>,
  who: RoleIdentity,
): boolean {
  const contactId = who.contactId ?? who.by.contactId;
  return isCoordinator(
    deps.directory,
    {
      ...(contactId ? { contactId } : {}),
      ...(who.email ? { email: who.email } : {}),
      actorId: who.by.id,
    },
    deps.coordinators,
  );
}

/** The incident's SIO, by platform id or directory contact. */
export function isSio(directory: Directory, incident: Incident, who: RoleIdentity): boolean {
  if (who.by.id === incident.sio.id) return true;
  const sioContact = incident.sio.contactId;
  return sioContact !== undefined && contactOf(directory, who)?.id === sioContact;
}

/** Minutes and the report circulate to List 1: the SIO, coordinators and List 1 contacts may export them. */
export function mayExportCirculated(
  deps: Pick<DirectoryDeps, 'directory' | 'coordinators'>,
  incident: Incident,
  who: RoleIdentity,
): boolean {
  if (isSio(deps.directory, incident, who) || isCoordinatorIdentity(deps, who)) return true;
  const contact = contactOf(deps.directory, who);
  return (
    contact !== undefined &&
    contactsFor(deps.directory, incident.area, 1).some((listed) => listed.id === contact.id)
  );
}

/** An action's RAG is its lead agency's call: its owner, that agency's contacts, the SIO or a coordinator. */
export function mayChangeActionRag(
  deps: Pick<DirectoryDeps, 'directory' | 'coordinators'>,
  incident: Incident,
  action: Action,
  who: RoleIdentity,
): boolean {
  if (who.by.id === action.owner.id) return true;
  if (isSio(deps.directory, incident, who) || isCoordinatorIdentity(deps, who)) return true;
  const contact = contactOf(deps.directory, who);
  if (!contact) return false;
  return contact.id === action.owner.contactId || contact.agency === action.leadAgency;
}

/** Only coordinators edit the directory (today through `muster directory import`, run by a coordinator). */
export function mayEditDirectory(
  deps: Pick<DirectoryDeps, 'directory' | 'coordinators'>,
  who: RoleIdentity,
): AccessDecision {
  if (who.by.id === 'cli' || isCoordinatorIdentity(deps, who)) return { allowed: true };
  return {
    allowed: false,
    reason: 'Only CSP coordinators can change the directory, so nothing was changed. Ask your coordinator.',
  };
}

/**
 * Records a refusal in the incident's audit: who asked for what. The only
 * write a refused request makes; `asked` is a short verb phrase
 * ("export the minutes", "change action 1.2's RAG").
 */
export async function recordRefusal(
  deps: Pick<DirectoryDeps, 'store' | 'clock'>,
  incident: Incident,
  who: RoleIdentity,
  asked: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  const contactId = who.contactId ?? who.by.contactId;
  await deps.store.appendEvents(incident.reference, [
    {
      at: nowIso(deps.clock),
      actor: who.by,
      type: 'access.refused',
      summary: `${who.by.name} asked to ${asked} on ${incident.reference} and was refused.`,
      data: { asked, ...(contactId ? { contactId } : {}), ...data },
    },
  ]);
}

/** "Pat Lee (SIO) or Cara Jones": who to ask, for a refusal message. */
export function whoCanText(directory: Directory, incident: Incident, extra: string[] = []): string {
  const area = directory.areas.find((a) => a.id === incident.area);
  const coordinators = directory.contacts.filter((c) => area?.coordinators.includes(c.id)).map((c) => c.name);
  return [`${incident.sio.name} (SIO)`, ...extra, ...coordinators].join(' or ');
}

/** The refusal for someone outside List 1 asking for minutes or the report. */
export function exportRefusal(directory: Directory, incident: Incident, what: 'minutes' | 'report'): string {
  const goes = what === 'minutes' ? 'The minutes go' : 'The report goes';
  return `${goes} to List 1, so only the SIO, CSP coordinators and List 1 contacts can export ${what === 'minutes' ? 'them' : 'it'}; nothing was sent. Ask ${whoCanText(directory, incident)}.`;
}

/** The refusal for someone outside the action's lead agency changing its RAG. */
export function ragRefusal(directory: Directory, incident: Incident, action: Action): string {
  const agency = directory.agencies.find((a) => a.id === action.leadAgency)?.name ?? action.leadAgency;
  return `Action ${action.number}'s RAG is for ${agency} (its lead) to set, so nothing was changed. Add your update without changing the RAG, or ask ${whoCanText(directory, incident, [action.owner.name])}.`;
}
