/**
 * `plan import`: a coordinator uploads the partnership's plan as CSV or XLSX
 * (seed 003's or 004's columns, indicators on their own sheet or file) and it
 * becomes a stored plan. All or nothing: any bad row is reported with its
 * row number and reason and no plan is created.
 */
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import { checkPlanId, type Plan } from '../../core/plans/plan.js';
import { readPlanTables, type Table } from '../../core/plans/plan-rows.js';
import type { StoreDeps } from '../deps.js';
import { type PlanRequester, requireCoordinator } from './plan-access.js';
import { type PlanFile, readPlanFile } from './read-plan-file.js';

export interface ImportPlanInput {
  planId: string;
  title?: string;
  files: PlanFile[];
  by: Actor;
  requester: PlanRequester;
}

const titleSchema = z.string().trim().max(200);

export async function importPlan(
  deps: StoreDeps & { directory: Directory; coordinators?: readonly string[] },
  input: ImportPlanInput,
): Promise<Plan> {
  requireCoordinator(deps.directory, input.by, input.requester, 'import a plan', deps.coordinators);
  const id = checkPlanId(input.planId);
  if (input.files.length === 0) {
    const message = 'Attach the plan as a .csv or .xlsx file.';
    throw new MusterError(ErrorCode.InvalidInput, message, [{ path: 'file', message }]);
  }
  if (await deps.store.getPlan(id)) {
    throw new MusterError(
      ErrorCode.Conflict,
      `There is already a plan "${id}"; choose another name or update that plan through rounds.`,
      [{ path: 'planId', message: 'already exists' }],
    );
  }
  const tables: Table[] = [];
  for (const file of input.files) tables.push(...(await readPlanFile(file)));
  const at = deps.clock.now().toISOString();
  const parts = readPlanTables(tables, {
    by: input.by,
    at,
    knownContacts: new Set(deps.directory.contacts.map((c) => c.id)),
  });
  const title = titleSchema.safeParse(input.title ?? '');
  const plan: Plan = {
    id,
    title: (title.success && title.data) || id,
    ...parts,
    rounds: [],
    links: [],
    version: 1,
    createdBy: input.by,
    createdAt: at,
    updatedAt: at,
  };
  return deps.store.createPlan(plan);
}
