/**
 * Questions asked of a validated agency directory: which agencies are on an
 * area's List 1 (notified) or List 2 (attend the Initial Tactical Response
 * Meeting), who to contact for them, who coordinates the area, and who a chat
 * user or an email address is. Pure: the directory comes in, answers go out.
 */
import { ErrorCode, MusterError, parseOrThrow } from '../errors.js';
import {
  type Agency,
  type Area,
  type Contact,
  type Directory,
  directorySchema,
  type Membership,
} from './directory-schema.js';

export type ListNumber = Membership['lists'][number];
export type ChatPlatformName = 'slack' | 'teams';

/** One person to notify about an incident in an area, with the list(s) their agency is on there. */
export interface NotificationRecipient {
  contact: Contact;
  agency: Agency;
  lists: ListNumber[];
}

/** Validates a directory, reporting every problem (path + message) at once. */
export function parseDirectory(input: unknown, origin = 'directory'): Directory {
  return parseOrThrow(
    directorySchema,
    input,
    ErrorCode.InvalidDirectory,
    `The ${origin} is not a valid directory. Fix these problems and try again:`,
  );
}

/** The area with this id or name, ignoring case and surrounding spaces. */
export function findArea(dir: Directory, idOrName: string): Area | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return (
    dir.areas.find((a) => a.id === wanted) ?? dir.areas.find((a) => a.name.trim().toLowerCase() === wanted)
  );
}

/**
 * An unknown area is an error, not an empty answer: notifying nobody because of
 * a mistyped area id must not look like an area with no agencies.
 */
function requireArea(dir: Directory, areaId: string): Area {
  const area = dir.areas.find((a) => a.id === areaId);
  if (!area) {
    const known = dir.areas.map((a) => a.id).join(', ');
    throw new MusterError(
      ErrorCode.NotFound,
      `There is no area "${areaId}" in the directory (areas: ${known}).`,
    );
  }
  return area;
}

/** The lists each agency is on in the area, in the directory's agency order. */
function membershipsIn(dir: Directory, areaId: string): Map<string, ListNumber[]> {
  requireArea(dir, areaId);
  const lists = new Map<string, Set<ListNumber>>();
  for (const m of dir.memberships) {
    if (m.area !== areaId) continue;
    const set = lists.get(m.agency) ?? new Set<ListNumber>();
    for (const list of m.lists) set.add(list);
    lists.set(m.agency, set);
  }
  const ordered = new Map<string, ListNumber[]>();
  for (const agency of dir.agencies) {
    const set = lists.get(agency.id);
    if (set && set.size > 0) ordered.set(agency.id, [...set].sort());
  }
  return ordered;
}

/** Whether the contact covers the area: no areas of their own means every area their agency serves. */
export function contactCovers(contact: Contact, areaId: string): boolean {
  return contact.areas.length === 0 || contact.areas.includes(areaId);
}

/** The agencies on List `list` in the area. */
export function listMembers(dir: Directory, areaId: string, list: ListNumber): Agency[] {
  const memberships = membershipsIn(dir, areaId);
  return dir.agencies.filter((a) => memberships.get(a.id)?.includes(list));
}

/** The contacts of the agencies on List `list` in the area who cover that area. */
export function contactsFor(dir: Directory, areaId: string, list: ListNumber): Contact[] {
  const agencies = new Set(listMembers(dir, areaId, list).map((a) => a.id));
  return dir.contacts.filter((c) => agencies.has(c.agency) && contactCovers(c, areaId));
}

/** Everyone to notify of an incident in the area (Lists 1 and 2), each person once. */
export function notificationRecipients(dir: Directory, areaId: string): NotificationRecipient[] {
  const memberships = membershipsIn(dir, areaId);
  const recipients: NotificationRecipient[] = [];
  for (const agency of dir.agencies) {
    const lists = memberships.get(agency.id);
    if (!lists) continue;
    for (const contact of dir.contacts) {
      if (contact.agency === agency.id && contactCovers(contact, areaId)) {
        recipients.push({ contact, agency, lists: [...lists] });
      }
    }
  }
  return recipients;
}

/** The area's CSP coordinators, in the order the directory lists them. */
export function coordinatorsOf(dir: Directory, areaId: string): Contact[] {
  const area = requireArea(dir, areaId);
  return area.coordinators.flatMap((id) => dir.contacts.find((c) => c.id === id) ?? []);
}

export function findContactByEmail(dir: Directory, email: string): Contact | undefined {
  const wanted = email.trim().toLowerCase();
  return dir.contacts.find((c) => c.email.toLowerCase() === wanted);
}

const PLATFORM_ID = { slack: 'slackId', teams: 'teamsId' } as const satisfies Record<
  ChatPlatformName,
  keyof Contact
>;

export function findContactByPlatformId(
  dir: Directory,
  platform: ChatPlatformName,
  id: string,
): Contact | undefined {
  const field = PLATFORM_ID[platform];
  return dir.contacts.find((c) => c[field] !== undefined && c[field] === id);
}
