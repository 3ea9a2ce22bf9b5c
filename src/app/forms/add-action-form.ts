/**
 * "Add an action" (`/incident action add [priority]`): an action of the plan
 * under a priority (numbered 1.1, 1.2, 2.1 by `addAction`), its lead agency,
 * owner, due date or timescale and RAG. The intro lists the priorities so
 * far, since only a new priority takes a title. Every answer is checked
 * before anything is written and each problem named by its field id.
 */
import { type ProblemDetail, problemsFromZod } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import { type AddActionInput, addAction, addActionInputSchema } from '../actions/add-action.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { agencyName } from '../directory-agencies.js';
import { invalidInput } from '../validate-input.js';
import type { FormHandler } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import {
  agencyChoices,
  checkedAgencies,
  checkedUser,
  type FormSubmitScope,
  one,
  onFields,
  RAG_CHOICES,
  withFieldPaths,
} from './form-values.js';

export const ADD_ACTION_FORM_ID = 'add-action';

/** `addAction`'s problem paths → this form's field ids. */
const FIELDS: Record<string, string> = {
  'priority.number': 'priority',
  'priority.title': 'priorityTitle',
  priority: 'priority',
};

/** The priorities of the plan so far, each once, in number order. */
function priorities(incident: Incident): { number: number; title: string; count: number }[] {
  const byNumber = new Map<number, { number: number; title: string; count: number }>();
  for (const action of incident.actions ?? []) {
    const known = byNumber.get(action.priority.number);
    if (known) known.count += 1;
    else byNumber.set(action.priority.number, { ...action.priority, count: 1 });
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

function intro(incident: Incident): string {
  const known = priorities(incident);
  if (known.length === 0)
    return `${incident.reference} has no actions yet: the first goes under priority 1, which needs a title (such as "Community reassurance").`;
  const list = known
    .map((p) => `${p.number}. ${p.title} (${p.count} action${p.count === 1 ? '' : 's'})`)
    .join('; ');
  return `${incident.reference}'s priorities so far: ${list}. Give a title only to start a new priority.`;
}

/** Context: the reference, the priority typed on the command, and the asker's platform id (the owner by default). */
export function addActionForm(
  deps: CommandDeps,
  incident: Incident,
  context: Record<string, string>,
): FormDefinition {
  const priority = /^\d+$/.test(context.priority ?? '') ? context.priority! : '1';
  return {
    id: ADD_ACTION_FORM_ID,
    title: `Add an action: ${incident.reference}`,
    shortTitle: 'Add an action',
    submitLabel: 'Add action',
    intro: intro(incident),
    context: {
      reference: incident.reference,
      ...(context.priority ? { priority: context.priority } : {}),
      ...(context.owner ? { owner: context.owner } : {}),
    },
    fields: [
      { id: 'priority', label: 'Priority number', kind: 'text', required: true, initial: priority },
      {
        id: 'priorityTitle',
        label: 'Priority title',
        kind: 'text',
        required: false,
        maxLength: 200,
        hint: 'Only for a new priority; an existing one keeps its title.',
      },
      { id: 'description', label: 'Action', kind: 'textarea', required: true, maxLength: 1000 },
      {
        id: 'leadAgency',
        label: 'Lead agency',
        kind: 'select',
        required: true,
        choices: agencyChoices(deps.directory),
      },
      {
        id: 'owner',
        label: 'Owner',
        kind: 'user',
        required: true,
        ...(context.owner ? { initial: context.owner } : {}),
      },
      { id: 'due', label: 'Due date', kind: 'text', required: false, placeholder: 'YYYY-MM-DD' },
      {
        id: 'timescale',
        label: 'Timescale',
        kind: 'text',
        required: false,
        maxLength: 200,
        placeholder: 'e.g. Ongoing, 2027/28',
        hint: 'When there is no single due date.',
      },
      { id: 'rag', label: 'RAG', kind: 'select', required: true, initial: 'green', choices: RAG_CHOICES },
    ],
  };
}

/** The use case input, every answer checked first (the title rule too), so nothing is half-written. */
async function checkAnswers(
  deps: CommandDeps,
  scope: FormSubmitScope,
  values: FormSubmission['values'],
): Promise<AddActionInput> {
  const problems: ProblemDetail[] = [];
  const priorityText = one(values, 'priority');
  const number = /^\d+$/.test(priorityText ?? '') ? Number(priorityText) : undefined;
  if (number === undefined || number < 1)
    problems.push({ path: 'priority', message: 'give the priority as a whole number from 1' });

  const ownerValue = one(values, 'owner');
  if (!ownerValue) problems.push({ path: 'owner', message: 'choose who owns the action' });
  const owner = await checkedUser(scope, ownerValue, 'owner', problems);

  const lead = one(values, 'leadAgency');
  if (lead) checkedAgencies(deps.directory, [lead], 'leadAgency', problems);

  const title = one(values, 'priorityTitle');
  const known = (scope.incident.actions ?? []).find((a) => a.priority.number === number)?.priority;
  if (number !== undefined && number >= 1 && !known && !title)
    problems.push({ path: 'priorityTitle', message: `priority ${number} is new: give it a title` });
  if (known && title && title !== known.title)
    problems.push({
      path: 'priorityTitle',
      message: `priority ${known.number} is "${known.title}"; leave the title out to add to it`,
    });

  const due = one(values, 'due');
  const timescale = one(values, 'timescale');
  const rag = one(values, 'rag');
  const input: AddActionInput = {
    reference: scope.incident.reference,
    priority: { number: number ?? 1, ...(title ? { title } : {}) },
    description: one(values, 'description') ?? '',
    leadAgency: lead ?? '',
    owner: owner ?? scope.by,
    ...(due ? { due } : {}),
    ...(timescale ? { timescale } : {}),
    ...(rag ? { rag } : {}),
    by: scope.by,
  };
  const parsed = addActionInputSchema.safeParse(input);
  if (!parsed.success) {
    const flagged = new Set(problems.map((p) => p.path));
    problems.push(
      ...onFields(problemsFromZod(parsed.error.issues), FIELDS).filter((p) => !flagged.has(p.path)),
    );
  }
  if (problems.length > 0) throw invalidInput(problems);
  return input;
}

async function submit(
  deps: CommandDeps,
  scope: FormSubmitScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const input = await checkAnswers(deps, scope, submission.values);
  // A refusal found while writing (someone started that priority meanwhile) lands on its field too.
  const { action } = await withFieldPaths(FIELDS, () => addAction(deps, input));
  const lead = agencyName(deps.directory, action.leadAgency);
  return {
    message: `Action ${action.number} added: ${action.description} (lead ${lead}, owner ${action.owner.name}, ${action.rag.toUpperCase()}).`,
  };
}

/** Registered in form-registry.ts (typed there by shape, so this module need not import it). */
export const addActionFormHandler: FormHandler = {
  id: ADD_ACTION_FORM_ID,
  rebuild: addActionForm,
  submit,
};
