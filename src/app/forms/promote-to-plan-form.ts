/**
 * "Promote to plan" from the incident side (issue 9): the form the action
 * list's button opens, for an incident action (context `{reference,
 * actionNumber}`) or a lesson of its final report (`{reference, lesson}`).
 * The person picks the strategic plan and the priority to file it under (and,
 * for a lesson, the lead agency, the CSP by default); submitting runs the same
 * use cases as `/plan promote`, so the link is kept both ways. A partnership
 * form: coordinators only, checked when it opens and again on submit, and
 * anyone else is told why with nothing written.
 */
import { findAction } from '../../core/actions/action.js';
import type { Incident } from '../../core/incident/incident.js';
import type { Plan } from '../../core/plans/plan.js';
import type { PendingRequester } from '../access.js';
import type { ActionValue } from '../cards/action-value.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { loadIncident } from '../incident-timeline.js';
import type { PlanRequester } from '../plans/plan-access.js';
import { promoteIncidentAction } from '../plans/promote-action.js';
import { cspAgencyId, findLesson, promoteIncidentLesson } from '../plans/promote-lesson.js';
import { isCoordinatorIdentity, type RoleIdentity } from '../roles.js';
import { invalidInput, parseInput, referenceSchema } from '../validate-input.js';
import type { PartnershipFormHandler, PartnershipFormScope } from './form-handler.js';
import type { FieldChoice, FormDefinition, FormField, FormSubmission } from './form-model.js';
import { agencyChoices, one } from './form-values.js';

export const PROMOTE_TO_PLAN_FORM_ID = 'promote-to-plan';

export const NO_PLAN_YET = 'No plan yet: a coordinator imports one with `npm run cli -- plan import`.';

const REFUSED =
  'Only CSP coordinators can promote into the strategic plan, so nothing was changed. Ask your coordinator to do it.';

/** What is promoted: an action by its number, or a lesson by the number the final report gives it. */
export type PromoteSource =
  | { reference: string; actionNumber: string }
  | { reference: string; lesson: number };

function sourceOf(context: Record<string, string>): PromoteSource {
  const reference = parseInput(referenceSchema, context.reference ?? '');
  if (context.actionNumber) return { reference, actionNumber: context.actionNumber };
  const lesson = Number(context.lesson);
  if (Number.isInteger(lesson) && lesson >= 1) return { reference, lesson };
  throw invalidInput(
    [{ path: 'actionNumber', message: 'this form names no action or lesson' }],
    'This form names no action or lesson. Open it again from the action list.',
  );
}

function contextOf(source: PromoteSource): Record<string, string> {
  return 'lesson' in source
    ? { reference: source.reference, lesson: String(source.lesson) }
    : { reference: source.reference, actionNumber: source.actionNumber };
}

/** What the platform knows of the person, as the plan's coordinator check reads it. */
function planRequester(requester: PendingRequester): PlanRequester {
  return {
    ...(requester.contactId ? { contactId: requester.contactId } : {}),
    ...(requester.email ? { email: requester.email } : {}),
  };
}

const identity = (scope: { by: RoleIdentity['by']; requester: PendingRequester }): RoleIdentity => ({
  by: scope.by,
  ...planRequester(scope.requester),
});

/** Every plan in the store, whole (the form lists their priorities). */
async function allPlans(deps: CommandDeps): Promise<Plan[]> {
  const summaries = await deps.store.listPlans();
  const plans = await Promise.all(summaries.map((s) => deps.store.getPlan(s.id)));
  return plans.filter((p): p is Plan => p !== undefined);
}

/** One plan: "1. Title"; several: the number with each plan's title for it, since the chosen plan's applies. */
function priorityChoices(plans: readonly Plan[]): FieldChoice[] {
  const numbers = [...new Set(plans.flatMap((p) => p.priorities.map((q) => q.number)))].sort((a, b) => a - b);
  return numbers.map((n) => {
    const titles = [
      ...new Set(plans.flatMap((p) => p.priorities.filter((q) => q.number === n).map((q) => q.title))),
    ];
    return { value: String(n), label: `${n}. ${titles.join(' / ')}` };
  });
}

export function promoteToPlanForm(
  deps: Pick<CommandDeps, 'directory'>,
  incident: Incident,
  source: PromoteSource,
  plans: readonly Plan[],
): FormDefinition {
  const [first] = plans;
  const choices = priorityChoices(plans);
  const own = 'lesson' in source ? undefined : findAction(incident.actions ?? [], source.actionNumber);
  // An action keeps its own priority number when the plan has it; a lesson goes under the first.
  const ownPriority = own && first?.priorities.some((p) => p.number === own.priority.number);
  const initialPriority = ownPriority ? own.priority.number : first?.priorities[0]?.number;
  const fields: FormField[] = [
    {
      id: 'planId',
      label: 'Strategic plan',
      kind: 'select',
      required: true,
      choices: plans.map((p) => ({ value: p.id, label: p.title })),
      ...(first ? { initial: first.id } : {}),
    },
    {
      id: 'priorityNumber',
      label: 'Priority',
      kind: 'select',
      required: true,
      choices,
      ...(initialPriority === undefined ? {} : { initial: String(initialPriority) }),
      ...(plans.length > 1
        ? { hint: 'Plans number their priorities differently: the chosen plan’s applies.' }
        : {}),
    },
  ];
  if ('lesson' in source) {
    const csp = cspAgencyId(deps.directory);
    fields.push({
      id: 'leadAgency',
      label: 'Lead agency',
      kind: 'select',
      required: true,
      choices: agencyChoices(deps.directory),
      ...(csp ? { initial: csp } : {}),
    });
  }
  const what =
    'lesson' in source
      ? `Lesson ${source.lesson} of ${incident.reference}’s final report: “${findLesson(incident, source.lesson)}”. It becomes a new action of the plan, owned by you.`
      : `${incident.reference} action ${own?.number}: “${own?.description}”. The plan gets its own copy.`;
  return {
    id: PROMOTE_TO_PLAN_FORM_ID,
    title: `Promote to the strategic plan: ${incident.reference}`,
    shortTitle: 'Promote to plan',
    submitLabel: 'Promote',
    intro: `${what} The link is kept both ways: the plan names the incident, the incident’s timeline the plan.`,
    context: contextOf(source),
    fields,
  };
}

/** Already promoted: which plan and as which action, to say so instead of opening the form. */
function alreadyIn(plans: readonly Plan[], incident: Incident, source: PromoteSource): string | undefined {
  for (const plan of plans) {
    const link = plan.links.find(
      (l) =>
        l.incidentId === incident.id &&
        ('lesson' in source
          ? l.incidentLessonNumber === source.lesson
          : l.incidentActionNumber === source.actionNumber),
    );
    const action = link && plan.actions.find((a) => a.id === link.planActionId);
    if (link) {
      const what = 'lesson' in source ? `Lesson ${source.lesson}` : `Action ${source.actionNumber}`;
      return `${what} of ${incident.reference} is already action ${action?.number ?? '?'} of ${plan.title}, so nothing was changed.`;
    }
  }
  return undefined;
}

/**
 * The Promote to plan button, pressed: the form for a coordinator; anyone
 * else is told why, and so is a coordinator when there is no plan to promote
 * into or it is in the plan already.
 */
export async function openPromoteToPlanForm(
  deps: CommandDeps,
  who: { by: RoleIdentity['by']; requester: PendingRequester },
  value: ActionValue,
): Promise<CommandOutcome> {
  const source = sourceOf({
    reference: value.reference,
    ...(value.actionNumber ? { actionNumber: value.actionNumber } : {}),
    ...(value.lesson ? { lesson: String(value.lesson) } : {}),
  });
  if (!isCoordinatorIdentity(deps, identity(who))) {
    deps.log?.info('promote to plan refused: not a coordinator', { reference: value.reference });
    return { reference: value.reference, refused: true, message: REFUSED };
  }
  const incident = await loadIncident(deps.store, source.reference);
  const plans = await allPlans(deps);
  if (plans.length === 0) return { reference: incident.reference, message: NO_PLAN_YET };
  const done = alreadyIn(plans, incident, source);
  if (done) return { reference: incident.reference, message: done };
  return { reference: incident.reference, form: promoteToPlanForm(deps, incident, source, plans) };
}

async function rebuild(deps: CommandDeps, context: Record<string, string>): Promise<FormDefinition> {
  const source = sourceOf(context);
  const incident = await loadIncident(deps.store, source.reference);
  return promoteToPlanForm(deps, incident, source, await allPlans(deps));
}

async function submit(
  deps: CommandDeps,
  scope: PartnershipFormScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const source = sourceOf(submission.context);
  if (!isCoordinatorIdentity(deps, identity(scope))) {
    deps.log?.info('promote to plan refused: not a coordinator', { reference: source.reference });
    return { reference: source.reference, refused: true, message: REFUSED };
  }
  const { values } = submission;
  const planId = one(values, 'planId');
  const priority = one(values, 'priorityNumber');
  const problems = [
    ...(planId ? [] : [{ path: 'planId', message: 'choose the plan to promote into' }]),
    ...(priority === undefined || /^\d+$/.test(priority)
      ? []
      : [{ path: 'priorityNumber', message: 'choose one of the plan’s priorities' }]),
  ];
  if (problems.length > 0 || !planId) throw invalidInput(problems);
  const target = {
    planId,
    ...(priority ? { priorityNumber: Number(priority) } : {}),
    by: scope.by,
    requester: planRequester(scope.requester),
  };
  if ('lesson' in source) {
    const lead = one(values, 'leadAgency');
    const { plan, number } = await promoteIncidentLesson(deps, {
      ...target,
      reference: source.reference,
      lesson: source.lesson,
      ...(lead ? { leadAgency: lead } : {}),
    });
    return {
      reference: source.reference,
      message: `Lesson ${source.lesson} of ${source.reference} is now action ${number} of ${plan.title}; the link is kept on both sides.`,
    };
  }
  const { plan, number } = await promoteIncidentAction(deps, {
    ...target,
    reference: source.reference,
    actionNumber: source.actionNumber,
  });
  return {
    reference: source.reference,
    message: `${source.reference} action ${source.actionNumber} is now action ${number} of ${plan.title}; the link is kept on both sides.`,
  };
}

/** Registered in form-registry.ts. */
export const promoteToPlanFormHandler: PartnershipFormHandler = {
  id: PROMOTE_TO_PLAN_FORM_ID,
  scope: 'partnership',
  rebuild,
  submit,
};
