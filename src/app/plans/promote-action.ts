/**
 * Promotes an incident's action into the strategic plan: `/plan promote
 * SV-2027-0042 1.2 [into <plan-id>] [priority 3]`, or the incident card's
 * Promote to plan button. The plan gets its own copy under the chosen
 * priority (same action model, a fresh number there), and the link is kept in
 * the plan and noted in the incident's audit, so either side can find the
 * other. `addPromotedAction` is the write both this and a lesson's promotion
 * (promote-lesson.ts) go through, so the two keep their links the same way.
 */
import { type Action, findAction, nextActionNumber, type Priority } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import type { IncidentLink, Plan } from '../../core/plans/plan.js';
import type { StoreDeps } from '../deps.js';
import { loadIncident } from '../incident-timeline.js';
import { type PlanRequester, requireCoordinator } from './plan-access.js';
import { loadPlan } from './plan-rounds.js';

export type PromoteDeps = StoreDeps & { directory: Directory; coordinators?: readonly string[] };

/** Where the promoted action goes, and who is promoting it. */
export interface PromoteTarget {
  planId: string;
  /** The plan priority to file it under; each kind of promotion has its own default. */
  priorityNumber?: number;
  by: Actor;
  requester: PlanRequester;
}

export interface PromoteActionInput extends PromoteTarget {
  reference: string;
  actionNumber: string;
}

export interface Promoted {
  plan: Plan;
  /** The new action's number in the plan. */
  number: string;
}

export async function promoteIncidentAction(deps: PromoteDeps, input: PromoteActionInput): Promise<Promoted> {
  requireCoordinator(
    deps.directory,
    input.by,
    input.requester,
    'promote an incident action into the plan',
    deps.coordinators,
  );
  const incident = await loadIncident(deps.store, input.reference);
  const source = findAction(incident.actions ?? [], input.actionNumber);
  return addPromotedAction(deps, incident, input, {
    action: {
      ...source,
      status: source.status === 'done' || source.status === 'dropped' ? 'open' : source.status,
    },
    defaultPriority: source.priority.number,
    link: { incidentActionNumber: source.number },
    what: `action ${source.number}`,
    path: 'actionNumber',
    event: { type: 'action.promoted', data: { actionNumber: source.number } },
  });
}

/** What is being promoted, already checked: the action to copy (its id, number and priority are the plan's). */
export interface Promotion {
  action: Omit<Action, 'id' | 'number' | 'priority' | 'updates' | 'createdBy' | 'createdAt'>;
  /** The priority used when the person named none; the plan's first when this is not given either. */
  defaultPriority?: number;
  link: Pick<IncidentLink, 'incidentActionNumber' | 'incidentLessonNumber'>;
  /** "action 1.2", "lesson 2": in the audit, the plan action's first update and refusals. */
  what: string;
  /** The input a refusal of a second promotion names. */
  path: string;
  event: { type: string; data: Record<string, unknown> };
}

/** The plan's priority with that number, or a refusal listing the plan's priorities. */
export function planPriority(plan: Plan, priorityNumber: number): Priority {
  const priority = plan.priorities.find((p) => p.number === priorityNumber);
  if (priority) return priority;
  const known = plan.priorities.map((p) => `${p.number} ${p.title}`).join('; ');
  const message = `the plan has no priority ${priorityNumber} (priorities: ${known})`;
  throw new MusterError(ErrorCode.InvalidInput, `Choose a priority of the plan: ${message}.`, [
    { path: 'priorityNumber', message },
  ]);
}

/**
 * Adds the promoted action to the plan with its link, then notes it in the
 * incident's audit. Checks come first (the priority, a second promotion of
 * the same thing), so a refusal writes nothing.
 */
export async function addPromotedAction(
  deps: PromoteDeps,
  incident: Incident,
  target: PromoteTarget,
  promotion: Promotion,
): Promise<Promoted> {
  const current = await loadPlan(deps, target.planId);
  const priority = planPriority(
    current,
    target.priorityNumber ?? promotion.defaultPriority ?? current.priorities[0]?.number ?? 1,
  );
  const { link } = promotion;
  const same = (l: IncidentLink) =>
    l.incidentId === incident.id &&
    l.incidentActionNumber === link.incidentActionNumber &&
    l.incidentLessonNumber === link.incidentLessonNumber;
  if (current.links.some(same)) {
    const message = `${incident.reference} ${promotion.what} is already in the plan`;
    throw new MusterError(ErrorCode.Conflict, `${message}; nothing was added.`, [
      { path: promotion.path, message },
    ]);
  }
  const at = deps.clock.now().toISOString();
  let number = '';
  const plan = await deps.store.updatePlan(current.id, (p) => {
    number = nextActionNumber(p.actions, priority.number);
    const id = `act-${number}-${incident.reference}`;
    return {
      ...p,
      actions: [
        ...p.actions,
        {
          ...promotion.action,
          id,
          number,
          priority,
          updates: [
            {
              text: `Promoted from ${incident.reference} ${promotion.what}.`,
              rag: promotion.action.rag,
              by: target.by,
              at,
            },
          ],
          createdBy: target.by,
          createdAt: at,
        },
      ],
      links: [
        ...p.links,
        {
          planActionId: id,
          incidentId: incident.id,
          incidentReference: incident.reference,
          ...link,
          by: target.by,
          at,
        },
      ],
      updatedAt: at,
    };
  });
  const what = promotion.what.charAt(0).toUpperCase() + promotion.what.slice(1);
  await deps.store.appendEvents(incident.id, [
    {
      type: promotion.event.type,
      at,
      actor: target.by,
      summary: `${what} promoted into the strategic plan ${plan.title} as ${number}.`,
      data: { planId: plan.id, planActionNumber: number, ...promotion.event.data },
    },
  ]);
  return { plan, number };
}
