/**
 * The card an action lead gets when a quarterly round starts (and again when
 * chased): the action, its current RAG and latest update, the deadline, and
 * how to answer. Platforms render it as buttons (one per RAG, each opening
 * the progress form) where they can; `howToAnswer` is the typed fallback.
 */
import type { Action } from '../../core/actions/action.js';
import type { Rag } from '../../core/actions/rag.js';
import type { Plan } from '../../core/plans/plan.js';
import type { PlanRound } from '../../core/plans/plan-round.js';

export interface PlanUpdateCard {
  kind: 'plan-update';
  planId: string;
  planTitle: string;
  roundId: string;
  quarter: string;
  /** Local date and time the round closes, as people read it. */
  deadline: string;
  actionNumber: string;
  description: string;
  rag: Rag;
  latestUpdate?: string;
  /** A reminder rather than the first ask. */
  chase: boolean;
  howToAnswer: string;
}

export function planUpdateCard(
  plan: Plan,
  round: PlanRound,
  action: Action,
  options: { chase: boolean; deadline: string },
): PlanUpdateCard {
  const latest = action.updates.at(-1)?.text;
  return {
    kind: 'plan-update',
    planId: plan.id,
    planTitle: plan.title,
    roundId: round.id,
    quarter: round.quarter,
    deadline: options.deadline,
    actionNumber: action.number,
    description: action.description,
    rag: action.rag,
    ...(latest ? { latestUpdate: latest } : {}),
    chase: options.chase,
    howToAnswer: `/plan update ${plan.id} ${action.number} red|amber|green what has happened since the last update`,
  };
}
