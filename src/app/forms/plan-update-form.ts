/**
 * The strategic plan's update form (issue 9): what a lead fills in from the
 * quarterly round's card (its Red, Amber, Green and Update… buttons, or the
 * card's own inputs on Teams and the console). A partnership form: its
 * context names the plan and the action, no incident. Only the action's lead
 * or a CSP coordinator may answer (the rule of `/plan update`); anyone else
 * gets a refused outcome saying so. Bad answers come back under their fields
 * with nothing written; an answer after the round closed is taken and marked
 * late, as the typed command does.
 */
import { type Action, findAction } from '../../core/actions/action.js';
import { tryParseRag } from '../../core/actions/rag.js';
import type { Actor } from '../../core/actor.js';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, isMusterError, MusterError, type ProblemDetail } from '../../core/errors.js';
import type { Plan } from '../../core/plans/plan.js';
import { openRound } from '../../core/plans/plan-round.js';
import type { PendingRequester } from '../access.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import type { PlanRequester } from '../plans/plan-access.js';
import { requireLeadOrCoordinator } from '../plans/plan-access.js';
import { answerPlanRound, formatDeadline, loadPlan } from '../plans/plan-rounds.js';
import { invalidInput } from '../validate-input.js';
import type { PartnershipFormHandler, PartnershipFormScope } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import { one, PROGRESS_FIELD, RAG_CHOICES, withFieldPaths } from './form-values.js';

export const PLAN_UPDATE_FORM_ID = 'plan-update';

/** `answerPlanRound`'s problem paths → this form's field ids. */
const FIELDS: Record<string, string> = { rag: 'rag', progress: 'progress', text: 'progress' };

/**
 * The person answering, as the plan's rules know them: the platform's actor
 * with their directory contact (by the platform's match, else by email), so
 * an action's lead is recognised whichever platform they answer from.
 */
export function planAnswerer(
  directory: Directory,
  by: Actor,
  requester: Pick<PendingRequester, 'contactId' | 'email'>,
): { by: Actor; requester: PlanRequester } {
  const email = requester.email?.toLowerCase();
  const contactId =
    by.contactId ??
    requester.contactId ??
    directory.contacts.find((c) => email !== undefined && c.email.toLowerCase() === email)?.id;
  return {
    by: contactId ? { ...by, contactId } : by,
    requester: {
      ...(contactId ? { contactId } : {}),
      ...(requester.email ? { email: requester.email } : {}),
    },
  };
}

/** The form for one action of a plan, the RAG chosen on the card's button preselected (else the RAG now). */
export function planUpdateForm(
  deps: Pick<CommandDeps, 'protocol'>,
  plan: Plan,
  action: Action,
  rag?: string,
): FormDefinition {
  const round = openRound(plan);
  const closes = round
    ? ` The ${round.quarter} round closes ${formatDeadline(round.deadline, calendarFor(deps.protocol))}.`
    : '';
  return {
    id: PLAN_UPDATE_FORM_ID,
    title: `Update action ${action.number} of ${plan.title}`,
    shortTitle: `Update action ${action.number}`,
    submitLabel: 'Send update',
    intro: `${action.description} (now ${action.rag.toUpperCase()}).${closes}`,
    context: { planId: plan.id, actionNumber: action.number },
    fields: [
      {
        id: 'rag',
        label: 'RAG',
        kind: 'select',
        required: true,
        initial: tryParseRag(rag ?? '') ?? action.rag,
        hint: 'Red, amber (yellow) or green, as the action stands now.',
        choices: RAG_CHOICES,
      },
      PROGRESS_FIELD,
    ],
  };
}

/** The plan and action a form's context (or a button's value) names; a stale one is refused as bad input. */
export async function planAction(
  deps: Pick<CommandDeps, 'store'>,
  context: Record<string, string | undefined>,
): Promise<{ plan: Plan; action: Action }> {
  const { planId, actionNumber } = context;
  if (!planId || !actionNumber) {
    throw new MusterError(
      ErrorCode.InvalidInput,
      'This form names no plan action, so nothing was changed. Open it again from the card’s buttons.',
    );
  }
  const plan = await loadPlan(deps, planId);
  return { plan, action: findAction(plan.actions, actionNumber) };
}

async function submit(
  deps: CommandDeps,
  scope: PartnershipFormScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const { plan, action } = await planAction(deps, submission.context);
  const who = planAnswerer(deps.directory, scope.by, scope.requester);
  try {
    requireLeadOrCoordinator(deps.directory, action, who.by, who.requester, deps.coordinators);
  } catch (error) {
    if (isMusterError(error, ErrorCode.InvalidInput)) return { refused: true, message: error.message };
    throw error;
  }
  const rag = one(submission.values, 'rag');
  const text = one(submission.values, 'progress');
  const problems: ProblemDetail[] = [];
  if (!rag) problems.push({ path: 'rag', message: 'choose red, amber or green' });
  if (!text) problems.push({ path: 'progress', message: 'say what has happened since the last update' });
  if (problems.length > 0) throw invalidInput(problems);
  const answered = await withFieldPaths(FIELDS, () =>
    answerPlanRound(deps, {
      planId: plan.id,
      actionNumber: action.number,
      rag: rag ?? '',
      text: text ?? '',
      ...who,
    }),
  );
  const now = answered.plan.actions.find((a) => a.id === action.id)?.rag ?? action.rag;
  const quarter = answered.round ? ` for ${answered.round.quarter}` : '';
  const late =
    answered.late && answered.round
      ? ` It is recorded as late: the ${answered.round.quarter} round had closed.`
      : '';
  return { message: `Thanks — action ${action.number} is now ${now.toUpperCase()}${quarter}.${late}` };
}

/** Registered in form-registry.ts. */
export const planUpdateFormHandler: PartnershipFormHandler = {
  id: PLAN_UPDATE_FORM_ID,
  scope: 'partnership',
  rebuild: async (deps, context) => {
    const { plan, action } = await planAction(deps, context);
    return planUpdateForm(deps, plan, action, context.rag);
  },
  submit,
};
