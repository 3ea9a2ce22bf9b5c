/**
 * The quarterly update round through the app: a coordinator starts it
 * (`/plan round start`), every live action's lead is asked, leads answer
 * (`/plan update` or the card's buttons), anyone asks who has answered
 * (`/plan round status`). Chasing and closing are `run-plan-rounds.ts`.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { findAction } from '../../core/actions/action.js';
import { parseRag } from '../../core/actions/rag.js';
import type { Actor } from '../../core/actor.js';
import { calendarFor, type WorkingCalendar } from '../../core/calendar/working-calendar.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import { type Plan, planNotFound } from '../../core/plans/plan.js';
import {
  answerRound,
  latestRound,
  type PlanRound,
  type RoundStatus,
  roundStatus,
  startRound,
} from '../../core/plans/plan-round.js';
import type { ProtocolDeps } from '../deps.js';
import { type PlanRequester, requireCoordinator, requireLeadOrCoordinator } from './plan-access.js';
import type { PlanNotifier } from './plan-notifier.js';
import { planUpdateCard } from './plan-update-card.js';

export type PlanDeps = ProtocolDeps & {
  directory: Directory;
  notifier: PlanNotifier;
  /** The configured coordinators (MUSTER_COORDINATORS, coordinator groups' members). */
  coordinators?: readonly string[];
};

export async function loadPlan(deps: { store: PlanDeps['store'] }, id: string): Promise<Plan> {
  const plan = await deps.store.getPlan(id.trim().toLowerCase());
  if (plan) return plan;
  throw planNotFound(
    id,
    (await deps.store.listPlans()).map((p) => p.id),
  );
}

const quarterSchema = z
  .string()
  .trim()
  .min(1, 'name the quarter, such as "2024/25 Q2"')
  .max(40, 'keep the quarter name short, such as "2024/25 Q2"');

export interface StartRoundInput {
  planId: string;
  quarter: string;
  /** `2024-07-19` (closes at the end of that working day) or an ISO instant. */
  deadline: string;
  by: Actor;
  requester: PlanRequester;
}

export async function startPlanRound(
  deps: PlanDeps,
  input: StartRoundInput,
): Promise<{ plan: Plan; round: PlanRound; asked: number }> {
  requireCoordinator(deps.directory, input.by, input.requester, 'start an update round', deps.coordinators);
  const quarter = quarterSchema.safeParse(input.quarter);
  if (!quarter.success) {
    const message = quarter.error.issues[0]?.message ?? 'name the quarter';
    throw new MusterError(ErrorCode.InvalidInput, `Say which quarter this round is for: ${message}.`, [
      { path: 'quarter', message },
    ]);
  }
  const calendar = calendarFor(deps.protocol);
  const deadline = parseDeadline(input.deadline, calendar);
  await loadPlan(deps, input.planId);
  let round: PlanRound | undefined;
  const plan = await deps.store.updatePlan(input.planId.trim().toLowerCase(), (current) => {
    const started = startRound(current, {
      quarter: quarter.data,
      deadline,
      by: input.by,
      at: deps.clock.now().toISOString(),
    });
    round = started.round;
    return { ...started.plan, updatedAt: deps.clock.now().toISOString() };
  });
  if (!round) throw new Error('startRound returned no round');
  await askLeads(
    deps,
    plan,
    round,
    round.requests.map((q) => q.actionId),
    false,
  );
  return { plan, round, asked: round.requests.length };
}

export interface AnswerRoundInput {
  planId: string;
  actionNumber: string;
  rag: string;
  text: string;
  by: Actor;
  requester: PlanRequester;
}

/** Needs no notifier: an answer asks nobody, so the plan's form can call it with a form's deps. */
export async function answerPlanRound(
  deps: Omit<PlanDeps, 'notifier'>,
  input: AnswerRoundInput,
): Promise<{ plan: Plan; late: boolean; round?: PlanRound }> {
  const rag = parseRag(input.rag, 'rag');
  const text = input.text.trim();
  if (!text) {
    const message = 'say what has happened since the last update';
    throw new MusterError(ErrorCode.InvalidInput, `The update needs some text: ${message}.`, [
      { path: 'progress', message },
    ]);
  }
  const current = await loadPlan(deps, input.planId);
  requireLeadOrCoordinator(
    deps.directory,
    findAction(current.actions, input.actionNumber),
    input.by,
    input.requester,
    deps.coordinators,
  );
  let late = false;
  let round: PlanRound | undefined;
  const plan = await deps.store.updatePlan(current.id, (p) => {
    const answered = answerRound(p, {
      actionNumber: input.actionNumber,
      text,
      rag,
      by: input.by,
      at: deps.clock.now().toISOString(),
    });
    late = answered.late;
    round = answered.round;
    return { ...answered.plan, updatedAt: deps.clock.now().toISOString() };
  });
  return { plan, late, ...(round ? { round } : {}) };
}

/** Who has answered the open round (or the latest one, once closed). */
export async function planRoundStatus(deps: Pick<PlanDeps, 'store'>, planId: string): Promise<RoundStatus> {
  const plan = await loadPlan(deps, planId);
  const round = latestRound(plan);
  if (!round) {
    throw new MusterError(
      ErrorCode.InvalidInput,
      `No update round has been started for ${plan.id} yet: a coordinator starts one with /plan round start.`,
      [{ path: 'planId', message: 'no rounds yet' }],
    );
  }
  return roundStatus(round);
}

export async function askLeads(
  deps: PlanDeps,
  plan: Plan,
  round: PlanRound,
  actionIds: readonly string[],
  chase: boolean,
): Promise<void> {
  const deadline = formatDeadline(round.deadline, calendarFor(deps.protocol));
  for (const request of round.requests.filter((q) => actionIds.includes(q.actionId))) {
    const action = plan.actions.find((a) => a.id === request.actionId);
    if (!action) continue;
    await deps.notifier.askForUpdate(request.lead, planUpdateCard(plan, round, action, { chase, deadline }));
  }
}

export function formatDeadline(iso: string, calendar: WorkingCalendar): string {
  return calendar.local(DateTime.fromISO(iso)).toFormat("ccc d LLL yyyy 'at' HH:mm");
}

function parseDeadline(text: string, calendar: WorkingCalendar): string {
  const trimmed = text.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? DateTime.fromISO(trimmed, { zone: calendar.zone })
    : DateTime.fromISO(trimmed, { zone: calendar.zone, setZone: false });
  if (!date.isValid) {
    const message = `"${text}" is not a date: give the deadline as 2024-07-19`;
    throw new MusterError(ErrorCode.InvalidInput, message, [{ path: 'deadline', message }]);
  }
  const at = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? calendar.endOfWorkingDay(date) : date;
  return at.toUTC().toISO() ?? trimmed;
}
