/**
 * The scheduler's part in plan rounds, run on each tick beside the incident
 * reminders: a round past its deadline is closed; in an open round, leads who
 * have not answered are chased once per working day (protocol calendar, from
 * 09:00). The chase is written to the plan before the card goes out, so two
 * ticks (or two replicas) never chase the same lead twice on one day.
 */

import { DateTime } from 'luxon';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import {
  chasesDue,
  closeDueRound,
  openRound,
  type PlanRound,
  recordChases,
} from '../../core/plans/plan-round.js';
import { askLeads, type PlanDeps } from './plan-rounds.js';

export interface PlanRoundTick {
  closed: { planId: string; round: PlanRound }[];
  chased: { planId: string; roundId: string; actionNumbers: string[] }[];
}

export async function runPlanRounds(deps: PlanDeps): Promise<PlanRoundTick> {
  const tick: PlanRoundTick = { closed: [], chased: [] };
  const now = deps.clock.now();
  const calendar = calendarFor(deps.protocol);
  for (const summary of await deps.store.listPlans()) {
    if (!summary.openRound) continue;
    const plan = await deps.store.getPlan(summary.id);
    const round = plan && openRound(plan);
    if (!plan || !round) continue;
    if (closeDueRound(plan, now.toISOString())) {
      let closed: PlanRound | undefined;
      await deps.store.updatePlan(plan.id, (p) => {
        const result = closeDueRound(p, now.toISOString());
        closed = result?.round;
        return result ? result.plan : p;
      });
      if (closed) tick.closed.push({ planId: plan.id, round: closed });
      continue;
    }
    const today = calendar.local(DateTime.fromJSDate(now)).toISODate() ?? '';
    // Most ticks have nobody to chase: check the plan as read before taking the write path.
    if (chasesDue(round, DateTime.fromJSDate(now), calendar).length === 0) continue;
    let due: string[] = [];
    const updated = await deps.store.updatePlan(plan.id, (p) => {
      const current = p.rounds.find((r) => r.id === round.id);
      due = current ? chasesDue(current, DateTime.fromJSDate(now), calendar).map((q) => q.actionId) : [];
      return due.length > 0 ? recordChases(p, round.id, due, today) : p;
    });
    if (due.length === 0) continue;
    const current = updated.rounds.find((r) => r.id === round.id) ?? round;
    await askLeads(deps, updated, current, due, true);
    tick.chased.push({
      planId: plan.id,
      roundId: round.id,
      actionNumbers: current.requests.filter((q) => due.includes(q.actionId)).map((q) => q.actionNumber),
    });
  }
  return tick;
}
