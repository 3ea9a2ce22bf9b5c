/**
 * The quarterly update round that replaces "the spreadsheet chased by email":
 * the coordinator starts it with a deadline, every live action's lead is
 * asked for progress and a RAG, people who have not answered are chased once
 * per working day, and the round closes at its deadline. An answer after the
 * close still updates the action and is marked late, so the board sees it.
 * Pure state changes; the app layer stores them and sends the cards.
 */
import { DateTime } from 'luxon';
import { findAction, recordProgress, replaceAction } from '../actions/action.js';
import type { Rag } from '../actions/rag.js';
import type { Actor } from '../actor.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { ErrorCode, MusterError } from '../errors.js';
import type { Plan, PlanRound, RoundRequest } from './plan.js';

export type { PlanRound, RoundRequest } from './plan.js';

/** Chasers go out from this local hour on a working day, so nobody gets one at midnight. */
export const CHASE_HOUR = 9;

export function openRound(plan: Plan): PlanRound | undefined {
  return plan.rounds.find((r) => r.status === 'open');
}

export function startRound(
  plan: Plan,
  start: { quarter: string; deadline: string; by: Actor; at: string },
): { plan: Plan; round: PlanRound } {
  const current = openRound(plan);
  if (current) {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `The ${current.quarter} round is still open until ${current.deadline}; wait for it to close before starting another.`,
      [{ path: 'quarter', message: `round ${current.id} is open` }],
    );
  }
  if (Date.parse(start.deadline) <= Date.parse(start.at)) {
    const message = 'The deadline has to be after now: give a later date.';
    throw new MusterError(ErrorCode.InvalidInput, message, [{ path: 'deadline', message }]);
  }
  const requests = plan.actions
    .filter((a) => a.status === 'open' || a.status === 'in-progress')
    .map((a) => ({ actionId: a.id, actionNumber: a.number, lead: a.owner, chasedOn: [] }));
  if (requests.length === 0) {
    const message = 'The plan has no open actions, so there is nobody to ask for an update.';
    throw new MusterError(ErrorCode.InvalidTransition, message, [{ path: 'planId', message }]);
  }
  const round: PlanRound = {
    id: `R${plan.rounds.length + 1}`,
    quarter: start.quarter,
    status: 'open',
    startedAt: start.at,
    startedBy: start.by,
    deadline: start.deadline,
    requests,
  };
  return { plan: { ...plan, rounds: [...plan.rounds, round] }, round };
}

/**
 * An answer to a round: progress text and a RAG on the action, and the
 * request marked answered in the open round — or, when no round is open, in
 * the latest round still waiting for this action (a late answer).
 */
export function answerRound(
  plan: Plan,
  answer: { actionNumber: string; text: string; rag: Rag; by: Actor; at: string },
): { plan: Plan; round?: PlanRound; late: boolean } {
  const action = findAction(plan.actions, answer.actionNumber);
  const updated = recordProgress(action, {
    text: answer.text,
    rag: answer.rag,
    by: answer.by,
    at: answer.at,
  });
  const round = roundAwaiting(plan, action.id);
  const late = round !== undefined && round.status === 'closed';
  const rounds = plan.rounds.map((r) =>
    r.id !== round?.id
      ? r
      : {
          ...r,
          requests: r.requests.map((q) =>
            q.actionId === action.id && q.answeredAt === undefined
              ? { ...q, answeredAt: answer.at, answeredBy: answer.by, ...(late ? { late: true } : {}) }
              : q,
          ),
        },
  );
  const next = { ...plan, actions: replaceAction(plan.actions, updated), rounds };
  return { plan: next, ...(round ? { round: next.rounds.find((r) => r.id === round.id) } : {}), late };
}

function roundAwaiting(plan: Plan, actionId: string): PlanRound | undefined {
  const open = openRound(plan);
  if (open?.requests.some((q) => q.actionId === actionId)) return open;
  return [...plan.rounds]
    .reverse()
    .find((r) => r.requests.some((q) => q.actionId === actionId && q.answeredAt === undefined));
}

export interface RoundStatus {
  round: PlanRound;
  answered: RoundRequest[];
  waiting: RoundRequest[];
}

export function roundStatus(round: PlanRound): RoundStatus {
  return {
    round,
    answered: round.requests.filter((q) => q.answeredAt !== undefined),
    waiting: round.requests.filter((q) => q.answeredAt === undefined),
  };
}

/** The latest round (open or not), for `round status` after a close. */
export function latestRound(plan: Plan): PlanRound | undefined {
  return plan.rounds.at(-1);
}

/**
 * Requests to chase now: the round is open and not past its deadline, it is a
 * working day after the start day, past `CHASE_HOUR`, and the lead has neither
 * answered nor been chased today.
 */
export function chasesDue(round: PlanRound, now: DateTime, calendar: WorkingCalendar): RoundRequest[] {
  if (round.status !== 'open' || now.toMillis() >= Date.parse(round.deadline)) return [];
  const local = calendar.local(now);
  if (!calendar.isWorkingDay(local) || local.hour < CHASE_HOUR) return [];
  const today = local.toISODate() ?? '';
  if (today === calendar.local(DateTime.fromISO(round.startedAt)).toISODate()) return [];
  return round.requests.filter((q) => q.answeredAt === undefined && !q.chasedOn.includes(today));
}

/** Notes that these leads were chased on `date`; chasing someone twice on one day does nothing. */
export function recordChases(plan: Plan, roundId: string, actionIds: readonly string[], date: string): Plan {
  return {
    ...plan,
    rounds: plan.rounds.map((r) =>
      r.id !== roundId
        ? r
        : {
            ...r,
            requests: r.requests.map((q) =>
              actionIds.includes(q.actionId) && !q.chasedOn.includes(date)
                ? { ...q, chasedOn: [...q.chasedOn, date] }
                : q,
            ),
          },
    ),
  };
}

/** Closes the open round when its deadline has passed; undefined when there is nothing to close. */
export function closeDueRound(plan: Plan, now: string): { plan: Plan; round: PlanRound } | undefined {
  const round = openRound(plan);
  if (!round || Date.parse(now) < Date.parse(round.deadline)) return undefined;
  const closed: PlanRound = { ...round, status: 'closed', closedAt: now };
  return {
    plan: { ...plan, rounds: plan.rounds.map((r) => (r.id === round.id ? closed : r)) },
    round: closed,
  };
}
