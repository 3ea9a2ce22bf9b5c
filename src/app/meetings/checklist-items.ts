/**
 * Working through the checklist in a meeting: ticking an item, giving it to a
 * person or an agency, and minuting notes and decisions against it. Each is
 * one audited change to the meeting record.
 */
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import {
  type Assignee,
  addItemDecision,
  addItemNote,
  assignItem,
  tickItem,
} from '../../core/meetings/meeting-record.js';
import { findSection } from '../../core/meetings/toolkit-checklist.js';
import type { DirectoryDeps, StoreDeps } from '../deps.js';
import { agencyName, checkAgency } from '../directory-agencies.js';
import { actorSchema, parseInput, referenceSchema } from '../validate-input.js';
import { type ChangedRecord, changeMeetingRecord } from './meeting-change.js';

const itemTarget = {
  reference: referenceSchema,
  meetingId: z.string().trim().min(1).optional(),
  sectionId: z.string({ error: 'say which section' }).trim().min(1, 'say which section'),
  itemId: z.string({ error: 'say which item' }).trim().min(1, 'say which item'),
  by: actorSchema,
};

const text = (what: string) =>
  z
    .string({ error: `write the ${what}` })
    .trim()
    .min(1, `write the ${what}`)
    .max(2000, `keep the ${what} under 2000 characters`);

/** The item's wording, for audit lines a person can read. */
function itemText(sectionId: string, itemId: string): string {
  return findSection(sectionId)?.items.find((i) => i.id === itemId)?.text ?? `${sectionId}/${itemId}`;
}

export const tickChecklistItemInputSchema = z.object({ ...itemTarget, done: z.boolean().default(true) });
export type TickChecklistItemInput = z.input<typeof tickChecklistItemInputSchema>;

export async function tickChecklistItem(
  deps: StoreDeps,
  input: TickChecklistItemInput,
): Promise<ChangedRecord> {
  const form = parseInput(tickChecklistItemInputSchema, input);
  return changeMeetingRecord(deps, { ...form, by: form.by as Actor }, (record) => ({
    record: tickItem(record, form.sectionId, form.itemId, form.done),
    type: form.done ? 'checklist.ticked' : 'checklist.unticked',
    summary: `${form.done ? 'Done' : 'Not done after all'}: ${itemText(form.sectionId, form.itemId)}`,
    data: { sectionId: form.sectionId, itemId: form.itemId, done: form.done },
  }));
}

export const assignChecklistItemInputSchema = z.object({
  ...itemTarget,
  assignTo: z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('person'), actor: actorSchema }),
      z.object({ type: z.literal('agency'), agencyId: z.string().trim().min(1) }),
    ],
    { error: 'assign it to a person or an agency' },
  ),
});
export type AssignChecklistItemInput = z.input<typeof assignChecklistItemInputSchema>;

export async function assignChecklistItem(
  deps: DirectoryDeps,
  input: AssignChecklistItemInput,
): Promise<ChangedRecord> {
  const form = parseInput(assignChecklistItemInputSchema, input);
  if (form.assignTo.type === 'agency')
    checkAgency(deps.directory, form.assignTo.agencyId, 'assignTo.agencyId');
  const assignee = form.assignTo as Assignee;
  const who =
    assignee.type === 'person' ? assignee.actor.name : agencyName(deps.directory, assignee.agencyId);
  return changeMeetingRecord(deps, { ...form, by: form.by as Actor }, (record) => ({
    record: assignItem(record, form.sectionId, form.itemId, assignee),
    type: 'checklist.assigned',
    summary: `Assigned to ${who}: ${itemText(form.sectionId, form.itemId)}`,
    data: { sectionId: form.sectionId, itemId: form.itemId, assignedTo: assignee },
  }));
}

export const addMeetingNoteInputSchema = z.object({ ...itemTarget, text: text('note') });
export type AddMeetingNoteInput = z.input<typeof addMeetingNoteInputSchema>;

export async function addMeetingNote(deps: StoreDeps, input: AddMeetingNoteInput): Promise<ChangedRecord> {
  const form = parseInput(addMeetingNoteInputSchema, input);
  return changeMeetingRecord(deps, { ...form, by: form.by as Actor }, (record) => ({
    record: addItemNote(record, form.sectionId, form.itemId, form.text),
    type: 'meeting.note-added',
    summary: `Note on "${itemText(form.sectionId, form.itemId)}": ${form.text}`,
    data: { sectionId: form.sectionId, itemId: form.itemId },
  }));
}

export const addDecisionInputSchema = z.object({ ...itemTarget, text: text('decision') });
export type AddDecisionInput = z.input<typeof addDecisionInputSchema>;

export async function addDecision(deps: StoreDeps, input: AddDecisionInput): Promise<ChangedRecord> {
  const form = parseInput(addDecisionInputSchema, input);
  return changeMeetingRecord(deps, { ...form, by: form.by as Actor }, (record) => {
    const updated = addItemDecision(record, form.sectionId, form.itemId, form.text);
    const item = updated.items.find((i) => i.sectionId === form.sectionId && i.itemId === form.itemId)!;
    return {
      record: updated,
      type: 'meeting.decision-added',
      summary: `Decision on "${itemText(form.sectionId, form.itemId)}": ${form.text}`,
      // Decisions are numbered from 1 per item so an action can point at one.
      data: { sectionId: form.sectionId, itemId: form.itemId, decision: item.decisions.length },
    };
  });
}
