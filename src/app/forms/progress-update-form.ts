/**
 * "Progress update" (`/incident update [1.2]`): which open action, what has
 * happened, the RAG now (seed 003's yellow is amber) and, if it changed, the
 * status. The update and the status change are two use cases; every answer
 * is checked against both before either writes, so a refused form leaves
 * the plan as it was. Only the action's lead agency, the SIO or a coordinator
 * may change its RAG (the refusal is audited).
 */
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../core/actions/action.js';
import { type ProblemDetail, problemsFromZod } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import {
  checkRagChange,
  type RecordActionUpdateInput,
  recordActionUpdate,
  recordActionUpdateInputSchema,
  setActionStatus,
} from '../actions/update-action.js';
import { STATUS_TEXT } from '../cards/action-rows.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { invalidInput } from '../validate-input.js';
import type { FormHandler } from './form-handler.js';
import type { FieldChoice, FormDefinition, FormSubmission } from './form-model.js';
import {
  type FormSubmitScope,
  one,
  onFields,
  PROGRESS_FIELD,
  RAG_CHOICES,
  withFieldPaths,
} from './form-values.js';

export const PROGRESS_UPDATE_FORM_ID = 'progress-update';

/** `recordActionUpdate`'s and `setActionStatus`'s problem paths → this form's field ids. */
const FIELDS: Record<string, string> = {
  actionNumber: 'action',
  text: 'progress',
  rag: 'rag',
  note: 'progress',
};

const KEEP = 'keep';

const STATUS_CHOICES: FieldChoice[] = [
  { value: KEEP, label: 'keep as it is' },
  ...(['in-progress', 'done', 'dropped'] as const).map((s) => ({ value: s, label: STATUS_TEXT[s] })),
];

const isOpen = (action: Action) => action.status === 'open' || action.status === 'in-progress';

/** The actions that take updates: open and in progress, in plan order. */
export function updatableActions(incident: Incident): Action[] {
  return (incident.actions ?? []).filter(isOpen);
}

/** "1.2 — Visit the school", cut short for select menus. */
function actionLabel(action: Action): string {
  const text = `${action.number} — ${action.description}`;
  return text.length > 75 ? `${text.slice(0, 74)}…` : text;
}

export function progressUpdateForm(
  _deps: CommandDeps,
  incident: Incident,
  context: Record<string, string>,
): FormDefinition {
  const actions = updatableActions(incident);
  const chosen = actions.find((a) => a.number === context.actionNumber);
  return {
    id: PROGRESS_UPDATE_FORM_ID,
    title: chosen ? `Update action ${chosen.number}` : `Update an action: ${incident.reference}`,
    shortTitle: chosen ? `Update action ${chosen.number}` : 'Update an action',
    submitLabel: 'Add update',
    intro: chosen
      ? `${incident.reference}, action ${chosen.number}: ${chosen.description} (now ${chosen.rag.toUpperCase()}, ${STATUS_TEXT[chosen.status]}).`
      : `${incident.reference}: say what has happened on one of the open actions, and its RAG now.`,
    context: { reference: incident.reference, ...(chosen ? { actionNumber: chosen.number } : {}) },
    fields: [
      {
        id: 'action',
        label: 'Action',
        kind: 'select',
        required: true,
        ...(chosen ? { initial: chosen.number } : {}),
        choices: actions.map((a) => ({ value: a.number, label: actionLabel(a) })),
      },
      PROGRESS_FIELD,
      {
        id: 'rag',
        label: 'RAG',
        kind: 'select',
        required: true,
        ...(chosen ? { initial: chosen.rag } : {}),
        hint: 'Red, amber (yellow) or green.',
        choices: RAG_CHOICES,
      },
      {
        id: 'status',
        label: 'Status',
        kind: 'select',
        required: false,
        initial: KEEP,
        choices: STATUS_CHOICES,
      },
    ],
  };
}

interface UpdateAnswers {
  update: RecordActionUpdateInput;
  action: Action;
  /** Set only when it differs from the action's status. */
  status?: ActionStatus;
}

function checkAnswers(scope: FormSubmitScope, values: FormSubmission['values']): UpdateAnswers {
  const problems: ProblemDetail[] = [];
  const number = one(values, 'action');
  const action = (scope.incident.actions ?? []).find((a) => a.number === number);
  if (!number) problems.push({ path: 'action', message: 'choose the action' });
  else if (!action) {
    const known = updatableActions(scope.incident).map((a) => a.number);
    problems.push({
      path: 'action',
      message: `there is no action ${number} (open actions: ${known.join(', ') || 'none'})`,
    });
  } else if (!isOpen(action))
    problems.push({
      path: 'action',
      message: `action ${action.number} is ${STATUS_TEXT[action.status]}: only open and in-progress actions take updates`,
    });

  const rag = one(values, 'rag');
  const update: RecordActionUpdateInput = {
    reference: scope.incident.reference,
    actionNumber: number ?? '',
    text: one(values, 'progress') ?? '',
    ...(rag ? { rag } : {}),
    by: scope.by,
  };
  const parsed = recordActionUpdateInputSchema.safeParse(update);
  if (!parsed.success)
    problems.push(
      ...onFields(problemsFromZod(parsed.error.issues), FIELDS).filter((p) => p.path !== 'action'),
    );

  const statusValue = one(values, 'status') ?? KEEP;
  const status =
    statusValue === KEEP
      ? undefined
      : (ACTION_STATUSES as readonly string[]).includes(statusValue)
        ? (statusValue as ActionStatus)
        : null;
  if (status === null)
    problems.push({ path: 'status', message: 'choose to keep it, in progress, done or dropped' });

  if (problems.length > 0) throw invalidInput(problems);
  return { update, action: action!, ...(status && status !== action!.status ? { status } : {}) };
}

async function submit(
  deps: CommandDeps,
  scope: FormSubmitScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const { update, action, status } = checkAnswers(scope, submission.values);
  await checkRagChange(deps, update, { by: scope.by, ...scope.requester });
  const updated = await withFieldPaths(FIELDS, () => recordActionUpdate(deps, update));
  let said = `Action ${action.number} updated: ${moveText(action.rag, updated.action.rag)}`;
  if (status) {
    await withFieldPaths(FIELDS, () =>
      setActionStatus(deps, {
        reference: scope.incident.reference,
        actionNumber: action.number,
        status,
        by: scope.by,
      }),
    );
    said += `; ${STATUS_TEXT[action.status]} → ${STATUS_TEXT[status]}`;
  }
  return { message: `${said}.` };
}

/** "AMBER → RED", or "still GREEN". */
function moveText(from: Action['rag'], to: Action['rag']): string {
  return from === to ? `still ${to.toUpperCase()}` : `${from.toUpperCase()} → ${to.toUpperCase()}`;
}

/** Registered in form-registry.ts (typed there by shape, so this module need not import it). */
export const progressUpdateFormHandler: FormHandler = {
  id: PROGRESS_UPDATE_FORM_ID,
  rebuild: progressUpdateForm,
  submit,
};
