/**
 * The agency directory: CSP areas, agencies, each agency's List 1 / List 2
 * membership per area (seed 000's flowchart lists: List 1 is notified, List 2
 * attends the Initial Tactical Response Meeting) and the agencies' contacts.
 * Platform ids are optional: Muster resolves them by email.
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
  lists: z.array(z.union([z.literal(1), z.literal(2)])).min(1, 'an agency is on List 1, List 2 or both'),
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
  .superRefine((dir, ctx) => {
    const areas = new Set(dir.areas.map((a) => a.id));
    const agencies = new Set(dir.agencies.map((a) => a.id));
    const contacts = new Set<string>();
    const duplicate = (path: (string | number)[], what: string, value: string) =>
      ctx.addIssue({ code: 'custom', path, message: `${what} "${value}" appears twice` });
    const unknown = (path: (string | number)[], what: string, value: string) =>
      ctx.addIssue({ code: 'custom', path, message: `unknown ${what} "${value}"` });

    const seenAreas = new Set<string>();
    dir.areas.forEach((a, i) => {
      if (seenAreas.has(a.id)) duplicate(['areas', i, 'id'], 'area', a.id);
      seenAreas.add(a.id);
    });
    const seenAgencies = new Set<string>();
    dir.agencies.forEach((a, i) => {
      if (seenAgencies.has(a.id)) duplicate(['agencies', i, 'id'], 'agency', a.id);
      seenAgencies.add(a.id);
    });
    dir.contacts.forEach((c, i) => {
      if (contacts.has(c.id)) duplicate(['contacts', i, 'id'], 'contact', c.id);
      contacts.add(c.id);
      if (!agencies.has(c.agency)) unknown(['contacts', i, 'agency'], 'agency', c.agency);
      c.areas.forEach((a, j) => {
        if (!areas.has(a)) unknown(['contacts', i, 'areas', j], 'area', a);
      });
    });
    dir.memberships.forEach((m, i) => {
      if (!areas.has(m.area)) unknown(['memberships', i, 'area'], 'area', m.area);
      if (!agencies.has(m.agency)) unknown(['memberships', i, 'agency'], 'agency', m.agency);
    });
    dir.areas.forEach((a, i) => {
      a.coordinators.forEach((c, j) => {
        if (!contacts.has(c)) unknown(['areas', i, 'coordinators', j], 'contact', c);
      });
    });
  });

export type Directory = z.infer<typeof directorySchema>;
export type Area = z.infer<typeof areaSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Contact = z.infer<typeof contactSchema>;
