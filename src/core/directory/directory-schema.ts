/**
 * The agency directory: CSP areas, agencies, each agency's List 1 / List 2
 * membership per area (seed 000's flowchart lists: List 1 is notified, List 2
 * attends the Initial Tactical Response Meeting) and the agencies' contacts.
 * Platform ids are optional: Muster resolves them by email. Ids, emails and
 * platform ids are unique, so a lookup by any of them finds one person.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens (e.g. "east-northants")');

export const areaSchema = z.object({
  id,
  name: z.string().trim().min(1, 'name the area'),
  /** Contact ids of the area's CSP coordinators: they get escalations and knock-on notices. */
  coordinators: z.array(id).default([]),
  /** A chat channel for the area's CSP, if it has its own (Slack channel id, Teams conversation id). */
  coordinationChannel: z.string().optional(),
});

export const agencySchema = z.object({
  id,
  name: z.string().trim().min(1, 'name the agency'),
});

export const membershipSchema = z.object({
  area: id,
  agency: id,
  lists: z.array(z.literal([1, 2], 'a list is 1 or 2')).min(1, 'an agency is on List 1, List 2 or both'),
});

export const contactSchema = z.object({
  id,
  name: z.string().trim().min(1, 'name the contact'),
  email: z.email('give a valid email address'),
  role: z.string().trim().min(1, 'give the contact a role'),
  agency: id,
  /** The areas this person covers; empty means every area the agency serves. */
  areas: z.array(id).default([]),
  slackId: z.string().optional(),
  teamsId: z.string().optional(),
});

export const directorySchema = z
  .object({
    version: z.literal(1),
    partnership: z.string().trim().min(1),
    areas: z.array(areaSchema).min(1, 'a directory needs at least one CSP area'),
    agencies: z.array(agencySchema).min(1),
    memberships: z.array(membershipSchema),
    contacts: z.array(contactSchema),
  })
  // `when`: check references even when a field elsewhere is wrong, so a file is
  // refused with every problem at once rather than one round of fixes at a time.
  .superRefine(checkReferences, { when: (payload) => isRecord(payload.value) });

type Loose = Record<string, unknown>;
type Path = (string | number)[];
type Ctx = { addIssue(issue: { code: 'custom'; path: Path; message: string }): void };

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object items of `value[key]` with their index; the rest already failed their own type check. */
function items(value: Loose, key: string): [Loose, number][] {
  const list = value[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [Loose, number][] => (isRecord(item) ? [[item, i]] : []));
}

function strings(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i): [string, number][] => (typeof item === 'string' ? [[item, i]] : []));
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Reads the possibly half-valid directory defensively: it also runs when other fields failed. */
function checkReferences(dir: unknown, ctx: Ctx): void {
  if (!isRecord(dir)) return;
  const duplicate = (path: Path, what: string, value: string) =>
    ctx.addIssue({ code: 'custom', path, message: `${what} "${value}" appears twice` });
  const unknown = (path: Path, what: string, value: string) =>
    ctx.addIssue({ code: 'custom', path, message: `unknown ${what} "${value}"` });
  /** Reports every repeat of a key; `key` undefined means the item has nothing to compare. */
  const unique = (list: string, field: string, what: string, key: (v: string) => string = (v) => v) => {
    const seen = new Set<string>();
    for (const [item, i] of items(dir, list)) {
      const value = text(item[field]);
      if (value === undefined) continue;
      if (seen.has(key(value))) duplicate([list, i, field], what, value);
      seen.add(key(value));
    }
  };
  const ids = (list: string) => new Set(items(dir, list).flatMap(([item]) => text(item.id) ?? []));

  unique('areas', 'id', 'area');
  unique('agencies', 'id', 'agency');
  unique('contacts', 'id', 'contact');
  // Contacts are looked up by email and platform id, so those must identify one person.
  unique('contacts', 'email', 'email address', (v) => v.toLowerCase());
  unique('contacts', 'slackId', 'Slack user id');
  unique('contacts', 'teamsId', 'Teams user id');

  const areas = ids('areas');
  const agencies = ids('agencies');
  const contacts = ids('contacts');
  for (const [c, i] of items(dir, 'contacts')) {
    const agency = text(c.agency);
    if (agency !== undefined && !agencies.has(agency)) unknown(['contacts', i, 'agency'], 'agency', agency);
    for (const [a, j] of strings(c.areas)) if (!areas.has(a)) unknown(['contacts', i, 'areas', j], 'area', a);
  }
  const memberships = new Set<string>();
  for (const [m, i] of items(dir, 'memberships')) {
    const area = text(m.area);
    const agency = text(m.agency);
    if (area !== undefined && !areas.has(area)) unknown(['memberships', i, 'area'], 'area', area);
    if (agency !== undefined && !agencies.has(agency))
      unknown(['memberships', i, 'agency'], 'agency', agency);
    // Two entries for one agency in one area would leave its lists ambiguous.
    const key = JSON.stringify([area, agency]);
    if (area !== undefined && agency !== undefined && memberships.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['memberships', i],
        message: `agency "${agency}" has two memberships in area "${area}"; put its lists in one`,
      });
    }
    memberships.add(key);
  }
  for (const [a, i] of items(dir, 'areas')) {
    for (const [c, j] of strings(a.coordinators)) {
      if (!contacts.has(c)) unknown(['areas', i, 'coordinators', j], 'contact', c);
    }
  }
}

export type Directory = z.infer<typeof directorySchema>;
export type Area = z.infer<typeof areaSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Contact = z.infer<typeof contactSchema>;
