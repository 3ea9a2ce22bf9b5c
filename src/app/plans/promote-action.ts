/**
 * Promotes an incident's action (or a lesson written as one) into the
 * strategic plan: `/plan promote SV-2027-0042 1.2 [into priority 3]`. The
 * plan gets its own copy under the chosen priority (same action model, a
 * fresh number there), and the link is kept in the plan and noted in the
 * incident's audit, so either side can find the other.
 */
import { findAction, nextActionNumber } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Plan } from '../../core/plans/plan.js';
import type { StoreDeps } from '../deps.js';
import { loadIncident } from '../incident-timeline.js';
import { type PlanRequester, requireCoordinator } from './plan-access.js';
import { loadPlan } from './plan-rounds.js';

export interface PromoteActionInput {
  planId: string;
  reference: string;
  actionNumber: string;
  /** The plan priority to file it under; default the action's own priority number. */
  priorityNumber?: number;
  by: Actor;
  requester: PlanRequester;
}

export async function promoteIncidentAction(
  deps: StoreDeps & { directory: Directory; coordinators?: readonly string[] },
  input: PromoteActionInput,
): Promise<{ plan: Plan; number: string }> {
  requireCoordinator(
    deps.directory,
    input.by,
    input.requester,
    'promote an incident action into the plan',
    deps.coordinators,
  );
  const incident = await loadIncident(deps.store, input.reference);
  const source = findAction(incident.actions ?? [], input.actionNumber);
  const current = await loadPlan(deps, input.planId);
  const priorityNumber = input.priorityNumber ?? source.priority.number;
  const priority = current.priorities.find((p) => p.number === priorityNumber);
  if (!priority) {
    const known = current.priorities.map((p) => `${p.number} ${p.title}`).join('; ');
    const message = `the plan has no priority ${priorityNumber} (priorities: ${known})`;
    throw new MusterError(ErrorCode.InvalidInput, `Choose a priority of the plan: ${message}.`, [
      { path: 'priorityNumber', message },
    ]);
  }
  if (current.links.some((l) => l.incidentId === incident.id && l.incidentActionNumber === source.number)) {
    const message = `${incident.reference} action ${source.number} is already in the plan`;
    throw new MusterError(ErrorCode.Conflict, `${message}; nothing was added.`, [
      { path: 'actionNumber', message },
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
          ...source,
          id,
          number,
          priority,
          status: source.status === 'done' || source.status === 'dropped' ? 'open' : source.status,
          updates: [
            {
              text: `Promoted from ${incident.reference} action ${source.number}.`,
              rag: source.rag,
              by: input.by,
              at,
            },
          ],
          createdBy: input.by,
          createdAt: at,
        },
      ],
      links: [
        ...p.links,
        {
          planActionId: id,
          incidentId: incident.id,
          incidentReference: incident.reference,
          incidentActionNumber: source.number,
          by: input.by,
          at,
        },
      ],
      updatedAt: at,
    };
  });
  await deps.store.appendEvents(incident.id, [
    {
      type: 'action.promoted',
      at,
      actor: input.by,
      summary: `Action ${source.number} promoted into the strategic plan ${plan.title} as ${number}.`,
      data: { planId: plan.id, planActionNumber: number, actionNumber: source.number },
    },
  ]);
  return { plan, number };
}
