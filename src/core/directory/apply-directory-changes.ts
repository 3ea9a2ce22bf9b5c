/**
 * The directory in force: the file's directory with the coordinators' chat
 * changes applied in order (directory-change.ts). Each change is checked with
 * the directory schema as soon as it is applied, so one that would make the
 * directory invalid (removing a contact who still coordinates an area, a
 * second contact with the same email, an unknown agency) is skipped and
 * reported, and the rest still apply. It never throws: a replica starting up
 * must not be stopped by a change another replica was right to make against
 * the directory it had then. Pure.
 */
import { problemsFromZod } from '../errors.js';
import type { DirectoryChange, DirectoryEdit } from './directory-change.js';
import { type Directory, directorySchema } from './directory-schema.js';

export interface SkippedChange {
  seq: number;
  reason: string;
}

export interface AppliedDirectory {
  directory: Directory;
  skipped: SkippedChange[];
}

export function applyDirectoryChanges(
  base: Directory,
  changes: readonly DirectoryChange[],
): AppliedDirectory {
  let directory = base;
  const skipped: SkippedChange[] = [];
  for (const change of changes) {
    const result = applyDirectoryEdit(directory, change.edit);
    if ('reason' in result) skipped.push({ seq: change.seq, reason: result.reason });
    else directory = result.directory;
  }
  return { directory, skipped };
}

/** One edit on `directory` (left untouched), validated: the new directory, or why it cannot be made. */
export function applyDirectoryEdit(
  directory: Directory,
  edit: DirectoryEdit,
): { directory: Directory } | { reason: string } {
  const changed = edited(directory, edit);
  if (typeof changed === 'string') return { reason: changed };
  const parsed = directorySchema.safeParse(changed);
  if (parsed.success) return { directory: parsed.data };
  const problems = problemsFromZod(parsed.error.issues).map((p) => `${p.path}: ${p.message}`);
  return { reason: `the directory would not be valid (${problems.join('; ')})` };
}

/** The edit made on a copy; a string when the edit names something that is not there. */
function edited(dir: Directory, edit: DirectoryEdit): Directory | string {
  switch (edit.type) {
    case 'contact.saved': {
      const at = dir.contacts.findIndex((c) => c.id === edit.contact.id);
      const contacts = [...dir.contacts];
      if (at < 0) contacts.push(edit.contact);
      else contacts[at] = edit.contact;
      return { ...dir, contacts };
    }
    case 'contact.removed': {
      if (!dir.contacts.some((c) => c.id === edit.contactId))
        return `there is no contact "${edit.contactId}" to remove`;
      return { ...dir, contacts: dir.contacts.filter((c) => c.id !== edit.contactId) };
    }
    case 'membership.set': {
      const others = dir.memberships.filter((m) => !(m.area === edit.area && m.agency === edit.agency));
      const lists = [...new Set(edit.lists)].sort();
      if (lists.length === 0) return { ...dir, memberships: others };
      const at = dir.memberships.findIndex((m) => m.area === edit.area && m.agency === edit.agency);
      const memberships = [...others];
      // An agency keeps its place in the file when its lists change.
      memberships.splice(at < 0 ? memberships.length : at, 0, {
        area: edit.area,
        agency: edit.agency,
        lists,
      });
      return { ...dir, memberships };
    }
    case 'coordinator.set': {
      const area = dir.areas.find((a) => a.id === edit.area);
      if (!area) return `there is no area "${edit.area}"`;
      const without = area.coordinators.filter((id) => id !== edit.contactId);
      const coordinators = edit.coordinator ? [...without, edit.contactId] : without;
      // Already so: the area's order of coordinators stays as it was.
      const unchanged = edit.coordinator === area.coordinators.includes(edit.contactId);
      return {
        ...dir,
        areas: dir.areas.map((a) => (a.id === edit.area && !unchanged ? { ...a, coordinators } : a)),
      };
    }
    case 'edit.refused':
      return dir;
  }
}
