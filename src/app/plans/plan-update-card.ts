/**
 * The card an action lead gets when a quarterly round starts (and again when
 * chased): the action, its current RAG and latest update, the deadline, and
 * how to answer. Platforms render it as buttons (Red, Amber, Green, each
 * opening the progress form with that RAG chosen, and Update… with the RAG
 * as it is); Teams and the console also show the form on the card itself.
 * `howToAnswer` is the typed fallback, for a platform that shows no buttons.
 */
import type { Action } from '../../core/actions/action.js';
import { RAGS, type Rag } from '../../core/actions/rag.js';
import type { Plan } from '../../core/plans/plan.js';
import type { PlanRound } from '../../core/plans/plan-round.js';
import type { CardAction, CardFact } from '../cards/card-model.js';
import { planButtonValue } from './plan-button-value.js';

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
  /** "Reminder: 2024/25 Q2 update for action 1.2 of Ashfield plan". */
  headline: string;
  /** RAG now, the latest update, the deadline: label and value, ready to show. */
  facts: CardFact[];
  /** Red, Amber, Green (each opens the form with that RAG chosen), then Update…. */
  actions: CardAction[];
  howToAnswer: string;
}

const RAG_BUTTONS: Record<Rag, { label: string; style?: CardAction['style'] }> = {
  red: { label: 'Red', style: 'danger' },
  amber: { label: 'Amber' },
  green: { label: 'Green', style: 'primary' },
};

export function planUpdateCard(
  plan: Plan,
  round: PlanRound,
  action: Action,
  options: { chase: boolean; deadline: string },
): PlanUpdateCard {
  const latest = action.updates.at(-1)?.text;
  const target = { planId: plan.id, actionNumber: action.number };
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
    headline: `${options.chase ? 'Reminder: ' : ''}${round.quarter} update for action ${action.number} of ${plan.title}`,
    facts: [
      { label: 'RAG now', value: action.rag.toUpperCase() },
      { label: 'Latest update', value: latest ?? 'none yet' },
      { label: 'Answer by', value: options.deadline },
    ],
    actions: [
      ...RAGS.map((rag) => ({
        verb: 'plan-update' as const,
        label: RAG_BUTTONS[rag].label,
        value: planButtonValue({ ...target, rag }),
        ...(RAG_BUTTONS[rag].style ? { style: RAG_BUTTONS[rag].style } : {}),
      })),
      { verb: 'plan-update', label: 'Update…', value: planButtonValue(target) },
    ],
    howToAnswer: `/plan update ${plan.id} ${action.number} red|amber|green what has happened since the last update`,
  };
}
