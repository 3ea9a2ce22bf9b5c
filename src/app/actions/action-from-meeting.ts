/**
 * Turning what a meeting agreed into the action plan: an action from a
 * checklist item (its text and assignee as defaults) or from a decision minuted
 * against one. The action keeps a link (`createdFrom`) to where it came from so
 * the minutes and the plan can point at each other.
 */
import { z } from 'zod';
import type { MeetingItem, MeetingRecord } from '../../core/meetings/meeting-record.js';
import { findItem } from '../../core/meetings/meeting-record.js';
import { findSection } from '../../core/meetings/toolkit-checklist.js';
import type { DirectoryDeps } from '../deps.js';
import { loadIncident } from '../incident-timeline.js';
import { targetRecord } from '../meetings/meeting-change.js';
import { actorSchema, invalidInput, parseInput } from '../validate-input.js';
import { type AddActionInput, type AddedAction, addAction, addActionInputSchema } from './add-action.js';

const fromItemSchema = addActionInputSchema
  .omit({ from: true, description: true, leadAgency: true, owner: true })
  .extend({
    meetingId: z.string().trim().min(1).optional(),
    sectionId: z.string({ error: 'say which section' }).trim().min(1, 'say which section'),
    itemId: z.string({ error: 'say which item' }).trim().min(1, 'say which item'),
    description: addActionInputSchema.shape.description.optional(),
    leadAgency: addActionInputSchema.shape.leadAgency.optional(),
    owner: actorSchema.optional(),
  });

export const actionFromChecklistItemInputSchema = fromItemSchema;
export type ActionFromChecklistItemInput = z.input<typeof actionFromChecklistItemInputSchema>;

export const actionFromDecisionInputSchema = fromItemSchema.extend({
  /** The decision's number on its item, from 1 (as `meeting.decision-added` reports it). */
  decision: z
    .number({ error: 'say which decision' })
    .int('a whole number')
    .min(1, 'decisions are numbered from 1'),
});
export type ActionFromDecisionInput = z.input<typeof actionFromDecisionInputSchema>;

export async function actionFromChecklistItem(
  deps: DirectoryDeps,
  input: ActionFromChecklistItemInput,
): Promise<AddedAction> {
  const form = parseInput(actionFromChecklistItemInputSchema, input);
  const { record, item } = await locate(deps, form);
  const text = findSection(item.sectionId)?.items.find((i) => i.id === item.itemId)?.text;
  return addAction(
    deps,
    withDefaults(input, item, form.description ?? text, {
      kind: 'checklist-item',
      ref: `${record.meetingId}/${item.sectionId}/${item.itemId}`,
    }),
  );
}

export async function actionFromDecision(
  deps: DirectoryDeps,
  input: ActionFromDecisionInput,
): Promise<AddedAction> {
  const form = parseInput(actionFromDecisionInputSchema, input);
  const { record, item } = await locate(deps, form);
  const decision = item.decisions[form.decision - 1];
  if (decision === undefined) {
    throw invalidInput([
      {
        path: 'decision',
        message: `that item has ${item.decisions.length} decision${item.decisions.length === 1 ? '' : 's'}`,
      },
    ]);
  }
  return addAction(
    deps,
    withDefaults(input, item, form.description ?? decision, {
      kind: 'decision',
      ref: `${record.meetingId}/${item.sectionId}/${item.itemId}/decision-${form.decision}`,
    }),
  );
}

async function locate(
  deps: DirectoryDeps,
  form: { reference: string; meetingId?: string | undefined; sectionId: string; itemId: string },
): Promise<{ record: MeetingRecord; item: MeetingItem }> {
  const incident = await loadIncident(deps.store, form.reference);
  const record = targetRecord(incident, form.meetingId);
  return { record, item: findItem(record, form.sectionId, form.itemId) };
}

/** The item's assignee fills in the lead agency or owner when the person left them out. */
function withDefaults(
  input: ActionFromChecklistItemInput | ActionFromDecisionInput,
  item: MeetingItem,
  description: string | undefined,
  from: NonNullable<AddActionInput['from']>,
): AddActionInput {
  const {
    meetingId: _m,
    sectionId: _s,
    itemId: _i,
    decision: _d,
    ...rest
  } = input as ActionFromDecisionInput;
  const assignee = item.assignedTo;
  const owner = rest.owner ?? (assignee?.type === 'person' ? assignee.actor : undefined);
  const leadAgency = rest.leadAgency ?? (assignee?.type === 'agency' ? assignee.agencyId : undefined);
  const problems = [
    ...(leadAgency
      ? []
      : [{ path: 'leadAgency', message: 'name the lead agency (the item is not assigned to one)' }]),
    ...(owner
      ? []
      : [{ path: 'owner', message: 'say who owns the action (the item is not assigned to a person)' }]),
  ];
  if (problems.length > 0) throw invalidInput(problems);
  return { ...rest, description: description ?? '', leadAgency: leadAgency!, owner: owner!, from };
}
