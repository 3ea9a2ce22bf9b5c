/**
 * Assembles a directory from spreadsheet rows: areas and agencies keyed by the
 * slug of their names, one membership per agency per area, one contact per
 * email address whatever the number of rows. A row that contradicts an earlier
 * one is refused with both row numbers; a refused row changes nothing.
 */
import type { ListNumber } from './directory.js';
import { formatListsCell, parseListsCell, parseYesNoCell, slugify } from './directory-cells.js';
import { type Contact, contactSchema, type Directory } from './directory-schema.js';

/** One spreadsheet row, cells trimmed; `number` is the spreadsheet's row number. */
export interface CsvRow {
  number: number;
  area: string;
  agency: string;
  lists: string;
  name: string;
  email: string;
  role: string;
  slackId: string;
  teamsId: string;
  coordinator: string;
}

interface Named {
  id: string;
  name: string;
}

interface MembershipDraft {
  area: Named;
  agency: Named;
  lists: ListNumber[];
  row: number;
}

interface ContactDraft {
  name: string;
  email: string;
  role: string;
  agency: Named;
  row: number;
  areas: string[];
  slackId?: string;
  teamsId?: string;
}

type PlatformField = 'slackId' | 'teamsId';
const PLATFORM_COLUMNS: Record<PlatformField, string> = { slackId: 'slack_id', teamsId: 'teams_id' };

const emailSchema = contactSchema.shape.email;
const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class DirectoryBuilder {
  private readonly areas = new Map<string, Named>();
  private readonly agencies = new Map<string, Named>();
  private readonly memberships = new Map<string, MembershipDraft>();
  /** By lower-cased email: the same person in several rows is one contact. */
  private readonly contacts = new Map<string, ContactDraft>();
  /** Area id → emails of its coordinators, in row order. */
  private readonly coordinators = new Map<string, Set<string>>();

  isEmpty(): boolean {
    return this.areas.size === 0;
  }

  /** Takes in one row; returns what is wrong with it (and then changes nothing). */
  add(row: CsvRow): string[] {
    const problems: string[] = [];
    const area = this.named(row.area, 'area', 'name the CSP area', problems);
    const agency = this.named(row.agency, 'agency', 'name the agency', problems);
    const lists = parseListsCell(row.lists);
    if (!lists.ok) problems.push(lists.message);
    const hasContact = [row.name, row.email, row.role, row.slackId, row.teamsId, row.coordinator].some(
      (c) => c !== '',
    );
    if (hasContact) {
      if (row.name === '') problems.push("name is empty: give the contact's name");
      if (row.email === '') problems.push("email is empty: give the contact's email address");
      else if (!emailSchema.safeParse(row.email).success) {
        problems.push(`email "${row.email}" is not an email address`);
      }
      if (row.role === '') problems.push("role is empty: give the contact's role");
    }
    const coordinator = parseYesNoCell(row.coordinator);
    if (coordinator === undefined) problems.push(`coordinator "${row.coordinator}" should be yes or empty`);
    if (problems.length > 0 || !area || !agency || !lists.ok) return problems;

    problems.push(...this.conflicts(row, area, agency, lists.lists, hasContact));
    if (problems.length > 0) return problems;

    if (!this.areas.has(area.id)) this.areas.set(area.id, area);
    if (!this.agencies.has(agency.id)) this.agencies.set(agency.id, agency);
    const membershipKey = `${area.id}\n${agency.id}`;
    if (!this.memberships.has(membershipKey)) {
      this.memberships.set(membershipKey, { area, agency, lists: lists.lists, row: row.number });
    }
    if (hasContact) this.addContact(row, area, agency, coordinator === true);
    return [];
  }

  private named(raw: string, what: string, hint: string, problems: string[]): Named | undefined {
    if (raw === '') {
      problems.push(`${what} is empty: ${hint}`);
      return undefined;
    }
    const id = slugify(raw);
    if (id === '') {
      problems.push(`${what} "${raw}" has no letters or digits to make an id from`);
      return undefined;
    }
    // The first spelling seen names it; "corby" in a later row is still Corby.
    const known = what === 'area' ? this.areas.get(id) : this.agencies.get(id);
    return known ?? { id, name: raw };
  }

  private conflicts(
    row: CsvRow,
    area: Named,
    agency: Named,
    lists: ListNumber[],
    hasContact: boolean,
  ): string[] {
    const problems: string[] = [];
    const membership = this.memberships.get(`${area.id}\n${agency.id}`);
    if (membership && formatListsCell(membership.lists) !== formatListsCell(lists)) {
      problems.push(
        `${agency.name} in ${area.name} is on lists ${formatListsCell(lists)} here but ${formatListsCell(membership.lists)} in row ${membership.row}`,
      );
    }
    if (!hasContact) return problems;
    const existing = this.contacts.get(row.email.toLowerCase());
    if (existing) {
      const differs = (field: string, here: string, there: string) => {
        if (!sameText(here, there)) {
          problems.push(`${field} for ${row.email} is "${here}" here but "${there}" in row ${existing.row}`);
        }
      };
      differs('name', row.name, existing.name);
      differs('role', row.role, existing.role);
      differs('agency', agency.name, existing.agency.name);
    }
    for (const field of ['slackId', 'teamsId'] as const) {
      const id = row[field];
      if (id === '') continue;
      if (existing?.[field] !== undefined && existing[field] !== id) {
        problems.push(
          `${PLATFORM_COLUMNS[field]} for ${row.email} is "${id}" here but "${existing[field]}" in row ${existing.row}`,
        );
      }
      const owner = [...this.contacts.values()].find((c) => c[field] === id && c !== existing);
      if (owner) {
        problems.push(
          `${PLATFORM_COLUMNS[field]} "${id}" already belongs to ${owner.email} (row ${owner.row})`,
        );
      }
    }
    return problems;
  }

  private addContact(row: CsvRow, area: Named, agency: Named, coordinator: boolean): void {
    const key = row.email.toLowerCase();
    const contact = this.contacts.get(key) ?? {
      name: row.name,
      email: row.email,
      role: row.role,
      agency,
      row: row.number,
      areas: [],
    };
    if (!contact.areas.includes(area.id)) contact.areas.push(area.id);
    if (row.slackId !== '') contact.slackId = row.slackId;
    if (row.teamsId !== '') contact.teamsId = row.teamsId;
    this.contacts.set(key, contact);
    if (coordinator) {
      const emails = this.coordinators.get(area.id) ?? new Set<string>();
      emails.add(key);
      this.coordinators.set(area.id, emails);
    }
  }

  build(partnership: string): Directory {
    const served = new Map<string, Set<string>>();
    for (const m of this.memberships.values()) {
      if (m.lists.length === 0) continue;
      const areas = served.get(m.agency.id) ?? new Set<string>();
      areas.add(m.area.id);
      served.set(m.agency.id, areas);
    }
    const ids = this.contactIds();
    const contacts = [...this.contacts.entries()].map(([key, draft]): Contact => {
      const agencyAreas = served.get(draft.agency.id);
      // Covering exactly the areas the agency serves is the directory's "all its areas" (no areas of its own).
      const everyArea =
        agencyAreas !== undefined &&
        agencyAreas.size === draft.areas.length &&
        draft.areas.every((a) => agencyAreas.has(a));
      const contact: Contact = {
        id: ids.get(key)!,
        name: draft.name,
        email: draft.email,
        role: draft.role,
        agency: draft.agency.id,
        areas: everyArea ? [] : draft.areas,
      };
      if (draft.slackId !== undefined) contact.slackId = draft.slackId;
      if (draft.teamsId !== undefined) contact.teamsId = draft.teamsId;
      return contact;
    });
    return {
      version: 1,
      partnership,
      areas: [...this.areas.values()].map((a) => ({
        ...a,
        coordinators: [...(this.coordinators.get(a.id) ?? [])].map((email) => ids.get(email)!),
      })),
      agencies: [...this.agencies.values()],
      memberships: [...this.memberships.values()]
        .filter((m) => m.lists.length > 0)
        .map((m) => ({ area: m.area.id, agency: m.agency.id, lists: m.lists })),
      contacts,
    };
  }

  /** Contact ids from names; a namesake gets the agency added, then a number. Keyed by lower-cased email. */
  private contactIds(): Map<string, string> {
    const taken = new Set<string>();
    const ids = new Map<string, string>();
    for (const [key, draft] of this.contacts) {
      const base = slugify(draft.name) || slugify(draft.email.split('@')[0] ?? '') || 'contact';
      let id = base;
      if (taken.has(id)) id = `${base}-${draft.agency.id}`;
      for (let n = 2; taken.has(id); n++) id = `${base}-${draft.agency.id}-${n}`;
      taken.add(id);
      ids.set(key, id);
    }
    return ids;
  }
}
