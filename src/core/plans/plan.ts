/**
 * A partnership's strategic Serious Violence Duty plan (seeds 003 and 004):
 * priorities, numbered actions, indicators and the quarterly update rounds
 * that keep it current. Actions are the incident action model itself
 * (`core/actions/action.ts`): the same numbering, RAG, progress and status
 * rules, so a lesson promoted from an incident arrives as the same thing.
 */

import { type Action, filterActions, type Priority } from '../actions/action.js';
import type { Rag } from '../actions/rag.js';
import type { Actor } from '../actor.js';
import { ErrorCode, MusterError } from '../errors.js';
import type { Indicator } from './indicator.js';

export interface RoundRequest {
  actionId: string;
  actionNumber: string;
  lead: Actor;
  answeredAt?: string;
  answeredBy?: Actor;
  /** Answered after the round closed. */
  late?: boolean;
  /** Local dates (`2024-07-02`) the lead was chased on. */
  chasedOn: string[];
}

export interface PlanRound {
  /** `R1`, `R2`…: rounds are numbered in the order they were started. */
  id: string;
  /** How the plan names the quarter: `2024/25 Q2`. */
  quarter: string;
  status: 'open' | 'closed';
  startedAt: string;
  startedBy: Actor;
  /** UTC instant the round closes at. */
  deadline: string;
  closedAt?: string;
  requests: RoundRequest[];
}

/**
 * An action promoted from an incident: which incident and which of its
 * actions, or which lesson of its final report (numbered as the report
 * numbers them), kept both ways of reading. One of the two is set.
 */
export interface IncidentLink {
  planActionId: string;
  incidentId: string;
  incidentReference: string;
  incidentActionNumber?: string;
  /** "Lesson 2" of the incident's final report. */
  incidentLessonNumber?: number;
  by: Actor;
  at: string;
}

/** "SV-2027-0042 action 1.2" / "SV-2027-0042 lesson 2": what a link points at, in words. */
export function linkSourceText(link: IncidentLink): string {
  return link.incidentLessonNumber === undefined
    ? `${link.incidentReference} action ${link.incidentActionNumber ?? '?'}`
    : `${link.incidentReference} lesson ${link.incidentLessonNumber}`;
}

export interface Plan {
  /** A short slug (`ashfield-mansfield-2024`), used in commands and file names. */
  id: string;
  title: string;
  priorities: Priority[];
  actions: Action[];
  indicators: Indicator[];
  rounds: PlanRound[];
  links: IncidentLink[];
  /** Bumped by the store on every change. */
  version: number;
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
}

export interface PlanSummary {
  id: string;
  title: string;
  actionCount: number;
  openRound?: string;
}

export function summarisePlan(plan: Plan): PlanSummary {
  const open = plan.rounds.find((r) => r.status === 'open');
  return {
    id: plan.id,
    title: plan.title,
    actionCount: plan.actions.length,
    ...(open ? { openRound: open.quarter } : {}),
  };
}

export type RagCounts = Record<Rag, number>;

export interface PriorityRag {
  priority: Priority;
  counts: RagCounts;
}

/** RAG counts per priority over the actions still live (done and dropped ones are not rated any more). */
export function ragCountsByPriority(plan: Plan): PriorityRag[] {
  return plan.priorities.map((priority) => {
    const counts: RagCounts = { red: 0, amber: 0, green: 0 };
    for (const action of plan.actions) {
      if (action.priority.number !== priority.number) continue;
      if (action.status === 'done' || action.status === 'dropped') continue;
      counts[action.rag] += 1;
    }
    return { priority, counts };
  });
}

/** Red then amber live actions, in plan order: the exceptions a board reads first. */
export function exceptions(plan: Plan): Action[] {
  const live = { status: ['open', 'in-progress'] as const };
  return [
    ...filterActions(plan.actions, { ...live, rag: 'red' }),
    ...filterActions(plan.actions, { ...live, rag: 'amber' }),
  ];
}

/** The newest progress text of an action, if anyone has written one. */
export function latestUpdate(action: Action): Action['updates'][number] | undefined {
  return action.updates.at(-1);
}

const PLAN_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function checkPlanId(id: string, path = 'planId'): string {
  const trimmed = id.trim().toLowerCase();
  if (PLAN_ID.test(trimmed)) return trimmed;
  const message = `"${id}" cannot name a plan: use 2–63 lower-case letters, digits and dashes, such as ashfield-2024`;
  throw new MusterError(ErrorCode.InvalidInput, message, [{ path, message }]);
}

export function planNotFound(id: string, known: readonly string[] = []): MusterError {
  const list = known.length > 0 ? ` Plans: ${known.join(', ')}.` : ' Import one first with `plan import`.';
  return new MusterError(ErrorCode.NotFound, `There is no plan "${id}".${list}`, [
    { path: 'planId', message: `no plan ${id}` },
  ]);
}
