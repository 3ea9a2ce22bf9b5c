/**
 * Who may change an incident from chat: members of its private space and the
 * partnership's CSP coordinators (DESIGN.md). Platforms say whether the person
 * is a member; the directory (and MUSTER_COORDINATORS, platform user ids) says
 * who coordinates. Anyone else is refused with an explanation and nothing
 * changes but the audit (roles.ts records the refusal).
 */
import type { Directory } from '../core/directory/directory-schema.js';
import type { Incident } from '../core/incident/incident.js';

export interface Requester {
  /** Directory contact, when the platform could match the person (by stored id or email). */
  contactId?: string;
  email?: string;
  /** Whether the person is in the incident's space on their platform. */
  isSpaceMember: boolean;
}

/**
 * A coordinator of any area: coordinators cover for each other across the
 * partnership. `configured` are platform-qualified user ids (`slack:U123`)
 * from MUSTER_COORDINATORS, matched against `actorId`.
 */
export function isCoordinator(
  directory: Directory,
  who: { contactId?: string; email?: string; actorId?: string },
  configured: readonly string[] = [],
): boolean {
  if (who.actorId !== undefined && configured.includes(who.actorId)) return true;
  const email = who.email?.toLowerCase();
  const contactId =
    who.contactId ??
    directory.contacts.find((c) => email !== undefined && c.email.toLowerCase() === email)?.id;
  return contactId !== undefined && directory.areas.some((a) => a.coordinators.includes(contactId));
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

export function canActOnIncident(directory: Directory, incident: Incident, who: Requester): AccessDecision {
  if (who.isSpaceMember || isCoordinator(directory, who)) return { allowed: true };
  return {
    allowed: false,
    reason: `Only members of ${incident.reference}'s channel and CSP coordinators can do this, so nothing was changed. Ask the coordinator to add you to the channel.`,
  };
}

/**
 * A person asking to act, whose membership of the incident's space may be
 * costly to find (Slack asks its API): it is asked for only when the person
 * is not a coordinator.
 */
export interface PendingRequester {
  contactId?: string;
  email?: string;
  /** The person's platform-qualified id (`slack:U123`), for configured coordinators. */
  actorId?: string;
  isSpaceMember: boolean | ((incident: Incident) => boolean | Promise<boolean>);
}

/**
 * `canActOnIncident`, recognising coordinators (from the directory, or the
 * configured platform ids) before asking about membership.
 */
export async function checkAccess(
  directory: Directory,
  incident: Incident,
  who: PendingRequester,
  configured: readonly string[] = [],
): Promise<AccessDecision> {
  const known = {
    ...(who.contactId ? { contactId: who.contactId } : {}),
    ...(who.email ? { email: who.email } : {}),
  };
  if (isCoordinator(directory, { ...known, ...(who.actorId ? { actorId: who.actorId } : {}) }, configured))
    return { allowed: true };
  const isSpaceMember =
    typeof who.isSpaceMember === 'function' ? await who.isSpaceMember(incident) : who.isSpaceMember;
  return canActOnIncident(directory, incident, { ...known, isSpaceMember });
}
