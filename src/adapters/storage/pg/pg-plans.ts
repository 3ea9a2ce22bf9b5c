/**
 * Strategic plans in PostgreSQL (table `plans`, migration 002): the plan is
 * one JSONB document; an update reads it under a row lock, applies the
 * change and writes it back in one transaction, so two replicas recording
 * answers to the same round take turns instead of overwriting each other.
 */
import type pg from 'pg';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { type Plan, type PlanSummary, planNotFound, summarisePlan } from '../../../core/plans/plan.js';
import { inTransaction } from './pg-connection.js';

export async function insertPlan(pool: pg.Pool, plan: Plan): Promise<Plan> {
  const created = await pool.query(
    'INSERT INTO plans (id, title, version, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
    [plan.id, plan.title, plan.version, JSON.stringify(plan)],
  );
  if (created.rowCount !== 1) {
    throw new MusterError(ErrorCode.Conflict, `Plan ${plan.id} already exists; it was not imported again.`);
  }
  return structuredClone(plan);
}

export async function selectPlan(pool: pg.Pool, id: string): Promise<Plan | undefined> {
  const found = await pool.query<{ doc: Plan }>('SELECT doc FROM plans WHERE id = $1', [id]);
  return found.rows[0]?.doc;
}

export async function selectPlanSummaries(pool: pg.Pool): Promise<PlanSummary[]> {
  const found = await pool.query<{ doc: Plan }>('SELECT doc FROM plans ORDER BY id COLLATE "C"');
  return found.rows.map((r) => summarisePlan(r.doc));
}

export function changePlan(pool: pg.Pool, id: string, change: (current: Plan) => Plan): Promise<Plan> {
  return inTransaction(pool, async (client) => {
    const found = await client.query<{ doc: Plan }>('SELECT doc FROM plans WHERE id = $1 FOR UPDATE', [id]);
    const current = found.rows[0]?.doc;
    if (!current) throw planNotFound(id);
    const next = { ...change(structuredClone(current)), id, version: current.version + 1 };
    await client.query('UPDATE plans SET title = $2, version = $3, doc = $4 WHERE id = $1', [
      id,
      next.title,
      next.version,
      JSON.stringify(next),
    ]);
    return next;
  });
}
