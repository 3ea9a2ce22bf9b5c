/**
 * "Work on it" on a checklist item: tick it, give it to a person or an agency,
 * minute a note or a decision and make it an action, in one form. Every
 * answer is checked against the item as it stands before anything is
 * written; `workOnItem` then applies the steps in order and refreshes the card.
 */
import type { ProblemDetail } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import { type Assignee, findItem } from '../../core/meetings/meeting-record.js';
import { findSection } from '../../core/meetings/toolkit-checklist.js';
import { dueSchema } from '../actions/action-input.js';
import type { CommandDeps } from '../commands/command-outcome.js';
import { assigneeName } from '../meetings/checklist-card.js';
import { runningRecord, targetRecord } from '../meetings/meeting-change.js';
import { type ItemWork, workOnItem } from '../meetings/work-on-item.js';
import { invalidInput } from '../validate-input.js';
import { checkedAgency, checkedText, checkedUser, MAX_TEXT, one } from './checklist-form-answers.js';
import type { FormHandler, FormSubmitScope } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import { agencyChoices } from './form-values.js';

export const CHECKLIST_ITEM_FORM_ID = 'checklist-item';

const DONE_CHOICES = [
  { value: 'not-yet', label: 'not yet' },
  { value: 'done', label: 'done' },
];
const MAKE_ACTION_CHOICES = [
  { value: 'no', label: 'no' },
  { value: 'yes', label: 'yes — add it to the action plan' },
];

export function checklistItemForm(
  deps: CommandDeps,
  incident: Incident,
  ctx: Record<string, string>,
): FormDefinition {
  const record = targetRecord(incident, ctx.meetingId);
  const item = findItem(record, ctx.sectionId ?? '', ctx.itemId ?? '');
  const section = findSection(item.sectionId);
  const def = section?.items.find((i) => i.id === item.itemId);
  const now = item.assignedTo ? ` Now assigned to ${assigneeName(deps.directory, item.assignedTo)}.` : '';
  return {
    id: CHECKLIST_ITEM_FORM_ID,
    title: `${section?.title ?? 'Checklist'}: work on an item`,
    shortTitle: 'Work on it',
    submitLabel: 'Save',
    intro: `${def?.text ?? item.itemId}${def?.hint ? ` (${def.hint})` : ''}.${now}`,
    context: {
      reference: incident.reference,
      meetingId: record.meetingId,
      sectionId: item.sectionId,
      itemId: item.itemId,
    },
    fields: [
      {
        id: 'done',
        label: 'Done?',
        kind: 'select',
        required: true,
        initial: item.done ? 'done' : 'not-yet',
        choices: DONE_CHOICES,
      },
      { id: 'assignPerson', label: 'Assign to a person', kind: 'user', required: false },
      {
        id: 'assignAgency',
        label: 'Or to an agency',
        kind: 'select',
        required: false,
        hint: 'A person named above takes it rather than the agency.',
        choices: agencyChoices(deps.directory),
      },
      { id: 'note', label: 'Note', kind: 'textarea', required: false, maxLength: MAX_TEXT },
      { id: 'decision', label: 'Decision', kind: 'textarea', required: false, maxLength: MAX_TEXT },
      {
        id: 'makeAction',
        label: 'Make it an action?',
        kind: 'select',
        required: true,
        initial: 'no',
        choices: MAKE_ACTION_CHOICES,
        hint: 'From the decision above if there is one, else from the item.',
      },
      {
        id: 'priority',
        label: 'Priority number',
        kind: 'text',
        required: false,
        initial: '1',
        hint: `A new priority is called "${section?.title ?? 'Actions'}".`,
      },
      {
        id: 'actionLead',
        label: 'Lead agency',
        kind: 'select',
        required: false,
        choices: agencyChoices(deps.directory),
      },
      { id: 'actionOwner', label: 'Owner', kind: 'user', required: false },
      { id: 'actionDue', label: 'Due', kind: 'text', required: false, placeholder: 'YYYY-MM-DD' },
    ],
  };
}

/** Every answer checked against the item as it stands; `invalid_input` naming the fields, or the work to do. */
async function checkItemWork(
  deps: CommandDeps,
  scope: FormSubmitScope,
  form: FormSubmission,
): Promise<ItemWork> {
  const record = runningRecord(scope.incident, form.context.meetingId);
  const item = findItem(record, form.context.sectionId ?? '', form.context.itemId ?? '');
  const { values } = form;
  const problems: ProblemDetail[] = [];

  const doneValue = one(values, 'done');
  if (doneValue !== undefined && doneValue !== 'done' && doneValue !== 'not-yet')
    problems.push({ path: 'done', message: 'choose "done" or "not yet"' });
  const done = doneValue === 'done' ? true : doneValue === 'not-yet' ? false : undefined;

  const person = await checkedUser(scope, values, 'assignPerson', problems);
  const agency = checkedAgency(deps, one(values, 'assignAgency'), 'assignAgency', problems);
  const assignTo: Assignee | undefined = person
    ? { type: 'person', actor: person }
    : agency
      ? { type: 'agency', agencyId: agency }
      : undefined;
  const note = checkedText(values, 'note', 'note', problems);
  const decision = checkedText(values, 'decision', 'decision', problems);

  const makeAction = one(values, 'makeAction') === 'yes';
  let action: ItemWork['action'];
  if (makeAction) {
    const priorityText = one(values, 'priority') ?? '1';
    const priority = /^\d+$/.test(priorityText) ? Number(priorityText) : Number.NaN;
    if (!(priority >= 1))
      problems.push({ path: 'priority', message: 'give the priority as a number from 1' });
    const effective = assignTo ?? item.assignedTo;
    const lead =
      checkedAgency(deps, one(values, 'actionLead'), 'actionLead', problems) ??
      agency ??
      (effective?.type === 'agency' ? effective.agencyId : undefined);
    const owner =
      (await checkedUser(scope, values, 'actionOwner', problems)) ??
      (effective?.type === 'person' ? effective.actor : undefined);
    if (!lead && !one(values, 'actionLead'))
      problems.push({ path: 'actionLead', message: 'choose the agency that leads the action' });
    if (!owner && !one(values, 'actionOwner'))
      problems.push({ path: 'actionOwner', message: 'choose who owns the action' });
    const dueText = one(values, 'actionDue');
    const due = dueText === undefined ? undefined : dueSchema.safeParse(dueText);
    if (due && !due.success)
      problems.push({ path: 'actionDue', message: `give the date as YYYY-MM-DD, such as 2027-09-30` });
    if (lead && owner)
      action = { priority, leadAgency: lead, owner, ...(due?.success ? { due: due.data } : {}) };
  }

  const changesDone = done !== undefined && done !== item.done;
  const changesAssignee = assignTo !== undefined && !sameAssignee(assignTo, item.assignedTo);
  if (problems.length === 0 && !changesDone && !changesAssignee && !note && !decision && !makeAction)
    problems.push({ path: 'done', message: 'change something or close the form' });
  if (problems.length > 0) throw invalidInput(problems);

  return {
    reference: scope.incident.reference,
    meetingId: record.meetingId,
    sectionId: item.sectionId,
    itemId: item.itemId,
    by: scope.by,
    ...(changesDone ? { done } : {}),
    ...(changesAssignee ? { assignTo } : {}),
    ...(note ? { note } : {}),
    ...(decision ? { decision } : {}),
    ...(action ? { action } : {}),
  };
}

function sameAssignee(a: Assignee, b: Assignee | undefined): boolean {
  if (!b || a.type !== b.type) return false;
  return a.type === 'person'
    ? a.actor.id === (b as typeof a).actor.id
    : a.agencyId === (b as typeof a).agencyId;
}

export const checklistItemFormHandler: FormHandler = {
  id: CHECKLIST_ITEM_FORM_ID,
  rebuild: checklistItemForm,
  async submit(deps, scope, submission) {
    const work = await checkItemWork(deps, scope, submission);
    return { message: await workOnItem(deps, scope.incident, work) };
  },
};
