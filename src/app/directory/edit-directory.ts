/**
 * Coordinators edit the directory in chat (DESIGN.md, issue 8): save a
 * contact (add or edit), remove one, set an agency's lists in an area, make
 * someone an area's coordinator or stop them being one. Every write goes the
 * same way:
 *
 * 1. `mayEditDirectory` first. A refusal is told to the person (`refused`),
 *    recorded in the directory's audit (its change log, as an `edit.refused`
 *    entry that changes nothing: who asked for what) and noted in the
 *    operator's log without personal data.
 * 2. The live directory is brought up to date and the edit checked against
 *    it: bad input is `invalid_input` naming the form field or command
 *    argument, and nothing is written.
 * 3. The change is appended to the Store with a one-line summary (the audit),
 *    and this process's directory refreshed, so the next command sees it.
 *    Should another replica's change have landed first and made this one
 *    invalid, the person is told it was not made.
 */
import type { Actor } from '../../core/actor.js';
import { applyDirectoryEdit } from '../../core/directory/apply-directory-changes.js';
import { findArea } from '../../core/directory/directory.js';
import type {
  DirectoryChange,
  DirectoryEdit,
  DirectoryWrite,
} from '../../core/directory/directory-change.js';
import type { Agency, Area, Contact, Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { DirectoryDeps } from '../deps.js';
import { nowIso } from '../incident-timeline.js';
import { mayEditDirectory } from '../roles.js';
import { invalidInput } from '../validate-input.js';
import { type ContactDetails, checkedContact, newContactId } from './contact-details.js';
import { refreshDirectory } from './live-directory.js';

export type { ContactDetails } from './contact-details.js';

/** Who asks, and what their platform knows of them (for the coordinator check). */
export interface DirectoryEditor {
  by: Actor;
  requester: { contactId?: string; email?: string };
}

export type DirectoryEditOutcome =
  | { refused: true; message: string }
  | { refused?: false; message: string; change?: DirectoryChange };

export async function saveContact(
  deps: DirectoryDeps,
  who: DirectoryEditor,
  details: ContactDetails,
): Promise<DirectoryEditOutcome> {
  return edit(deps, who, 'contact.saved', async () => {
    const dir = deps.directory;
    const before = details.contactId ? dir.contacts.find((c) => c.id === details.contactId) : undefined;
    if (details.contactId && !before) {
      throw invalidInput(
        [{ path: '', message: `"${details.contactId}" is no longer in the directory` }],
        'This contact was removed from the directory while the form was open, so nothing was saved. Add them again with /directory contact new.',
      );
    }
    const contact = checkedContact(dir, details, before?.id ?? newContactId(dir, details));
    if (before && JSON.stringify(before) === JSON.stringify(contact)) {
      return { message: `${contact.name}'s details are as they were, so nothing was changed.` };
    }
    const agency = nameOf(dir.agencies, contact.agency);
    const summary = before
      ? `${who.by.name} changed ${contact.name}'s details (${agency})`
      : `${who.by.name} added ${contact.name} (${agency})`;
    const change = await commit(deps, who, { type: 'contact.saved', contact }, summary);
    const covers =
      contact.areas.length === 0 ? 'every area' : contact.areas.map((a) => areaName(dir, a)).join(', ');
    return {
      change,
      message: `${before ? 'Saved' : 'Added'} ${contact.name} (${contact.id}): ${contact.role}, ${agency}, covering ${covers}. They are invited to an area's incidents when ${agency} is on its List 1 or List 2 (/directory show <area>).`,
    };
  });
}

export async function removeContact(
  deps: DirectoryDeps,
  who: DirectoryEditor,
  contactId: string,
): Promise<DirectoryEditOutcome> {
  return edit(deps, who, 'contact.removed', async () => {
    const dir = deps.directory;
    const contact = requireContact(dir, contactId);
    const coordinates = dir.areas.filter((a) => a.coordinators.includes(contact.id));
    if (coordinates.length > 0) {
      const first = coordinates[0] as Area;
      throw new MusterError(
        ErrorCode.InvalidInput,
        `${contact.name} coordinates ${coordinates.map((a) => a.name).join(' and ')}, so they were not removed. First type /directory coordinator ${first.id} ${contact.id} off${coordinates.length > 1 ? ' (and the same for each area)' : ''}.`,
        [{ path: 'contactId', message: 'still an area coordinator' }],
      );
    }
    const agency = nameOf(dir.agencies, contact.agency);
    const change = await commit(
      deps,
      who,
      { type: 'contact.removed', contactId: contact.id },
      `${who.by.name} removed ${contact.name} (${agency})`,
    );
    return {
      change,
      message: `Removed ${contact.name} (${agency}) from the directory. They are not invited to new incidents; channels they are already in are left as they are.`,
    };
  });
}

export async function setAgencyLists(
  deps: DirectoryDeps,
  who: DirectoryEditor,
  request: { area: string; agency: string; lists: (1 | 2)[] },
): Promise<DirectoryEditOutcome> {
  return edit(deps, who, 'membership.set', async () => {
    const dir = deps.directory;
    const area = requireArea(dir, request.area);
    const agency = requireAgency(dir, request.agency);
    const lists = [...new Set(request.lists)].sort();
    const now = dir.memberships.find((m) => m.area === area.id && m.agency === agency.id)?.lists ?? [];
    if (JSON.stringify([...now].sort()) === JSON.stringify(lists)) {
      return {
        message: `${agency.name} is already ${listsText(lists)} in ${area.name}, so nothing was changed.`,
      };
    }
    const change = await commit(
      deps,
      who,
      { type: 'membership.set', area: area.id, agency: agency.id, lists },
      `${who.by.name} put ${agency.name} ${listsText(lists)} in ${area.name}`,
    );
    return {
      change,
      message: `${agency.name} is now ${listsText(lists)} in ${area.name}, for incidents opened from now on.`,
    };
  });
}

export async function setCoordinator(
  deps: DirectoryDeps,
  who: DirectoryEditor,
  request: { area: string; contactId: string; coordinator: boolean },
): Promise<DirectoryEditOutcome> {
  return edit(deps, who, 'coordinator.set', async () => {
    const dir = deps.directory;
    const area = requireArea(dir, request.area);
    const contact = requireContact(dir, request.contactId);
    const on = request.coordinator;
    if (area.coordinators.includes(contact.id) === on) {
      return {
        message: `${contact.name} ${on ? 'is already' : 'is not'} a coordinator of ${area.name}, so nothing was changed.`,
      };
    }
    // Who coordinates anywhere once this is done: someone must be left to edit the directory.
    const left = dir.areas.flatMap((a) => (a.id === area.id ? [] : a.coordinators));
    const stillHere = area.coordinators.filter((id) => id !== contact.id);
    if (!on && left.length + stillHere.length === 0 && (deps.coordinators ?? []).length === 0) {
      throw new MusterError(
        ErrorCode.InvalidInput,
        `${contact.name} is the partnership's last coordinator, and without one nobody could edit the directory in chat, so nothing was changed. Make someone else a coordinator first.`,
        [{ path: 'contactId', message: 'the last coordinator' }],
      );
    }
    const change = await commit(
      deps,
      who,
      { type: 'coordinator.set', area: area.id, contactId: contact.id, coordinator: on },
      `${who.by.name} ${on ? 'made' : 'stopped'} ${contact.name} ${on ? 'a coordinator of' : 'being a coordinator of'} ${area.name}`,
    );
    return {
      change,
      message: on
        ? `${contact.name} is now a coordinator of ${area.name}: they get its escalations and may edit the directory.`
        : `${contact.name} is no longer a coordinator of ${area.name}.`,
    };
  });
}

/** "on List 1 and List 2", "on List 2", "on no list". */
export function listsText(lists: readonly (1 | 2)[]): string {
  if (lists.length === 0) return 'on no list';
  return `on ${lists.map((l) => `List ${l}`).join(' and ')}`;
}

async function edit(
  deps: DirectoryDeps,
  who: DirectoryEditor,
  type: DirectoryWrite['type'],
  write: () => Promise<DirectoryEditOutcome>,
): Promise<DirectoryEditOutcome> {
  // The coordinator check reads the directory too, so it must be today's.
  await refreshDirectory(deps);
  const decision = mayEditDirectory(deps, { by: who.by, ...who.requester });
  if (!decision.allowed) {
    // The edit's kind only: who asked is personal data and stays out of the log.
    deps.log?.info('directory edit refused: not a coordinator', { edit: type });
    await deps.store.appendDirectoryChange({
      at: nowIso(deps.clock),
      by: who.by,
      edit: { type: 'edit.refused', asked: type },
      summary: `${who.by.name} asked to change the directory (${type}) and was refused: not a coordinator.`,
    });
    return { refused: true, message: decision.reason };
  }
  return write();
}

async function commit(
  deps: DirectoryDeps,
  who: DirectoryEditor,
  edit: DirectoryEdit,
  summary: string,
): Promise<DirectoryChange> {
  const checked = applyDirectoryEdit(deps.directory, edit);
  if ('reason' in checked) {
    throw invalidInput(
      [{ path: '', message: checked.reason }],
      'The directory would not be valid after this, so nothing was changed:',
    );
  }
  const change = await deps.store.appendDirectoryChange({
    at: nowIso(deps.clock),
    by: who.by,
    edit,
    summary,
  });
  const { skipped } = await refreshDirectory(deps);
  const lost = skipped.find((s) => s.seq === change.seq);
  if (lost) {
    throw new MusterError(
      ErrorCode.Conflict,
      `Someone changed the directory at the same moment, and after their change this one would leave it invalid (${lost.reason}), so it was not made. Look again with /directory show and try again.`,
    );
  }
  return change;
}

function requireContact(dir: Directory, contactId: string): Contact {
  const contact = dir.contacts.find((c) => c.id === contactId.trim().toLowerCase());
  if (contact) return contact;
  throw new MusterError(
    ErrorCode.InvalidInput,
    `There is no contact "${contactId}" in the directory, so nothing was changed. Find their id with /directory show <area>.`,
    [{ path: 'contactId', message: 'not in the directory' }],
  );
}

function requireArea(dir: Directory, value: string): Area {
  const area = findArea(dir, value);
  if (area) return area;
  throw new MusterError(
    ErrorCode.InvalidInput,
    `There is no area "${value}" in the directory, so nothing was changed. Areas: ${dir.areas.map((a) => a.id).join(', ')}.`,
    [{ path: 'area', message: 'not in the directory' }],
  );
}

function requireAgency(dir: Directory, value: string): Agency {
  const wanted = value.trim().toLowerCase();
  const agency =
    dir.agencies.find((a) => a.id === wanted) ?? dir.agencies.find((a) => a.name.toLowerCase() === wanted);
  if (agency) return agency;
  throw new MusterError(
    ErrorCode.InvalidInput,
    `There is no agency "${value}" in the directory, so nothing was changed. Agencies: ${dir.agencies.map((a) => a.id).join(', ')}.`,
    [{ path: 'agency', message: 'not in the directory' }],
  );
}

const nameOf = (agencies: readonly Agency[], id: string) => agencies.find((a) => a.id === id)?.name ?? id;
const areaName = (dir: Directory, id: string) => dir.areas.find((a) => a.id === id)?.name ?? id;
