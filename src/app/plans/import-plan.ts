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

/**
 * What one import takes: the seeds' plans are a few hundred rows, a few
 * hundred kilobytes as XLSX; an actions file and an indicators file, with
 * room to spare. Chat adapters check a file's size before downloading it
 * where the platform says it.
 */
export const PLAN_IMPORT_LIMITS = { files: 4, bytesPerFile: 5 * 1024 * 1024 } as const;

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
  checkImportFiles(input.files.map((f) => ({ filename: f.filename, bytes: f.content.length })));
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

/**
 * Refuses more files than an import takes, or one that is too large, naming
 * it; `invalid_input` on the `file` field. Adapters call it with the sizes the
 * platform reports, before downloading anything.
 */
export function checkImportFiles(files: readonly { filename: string; bytes?: number }[]): void {
  const { files: most, bytesPerFile } = PLAN_IMPORT_LIMITS;
  if (files.length > most) {
    const message = `attach at most ${most} files (the actions and the indicators); ${files.length} were attached`;
    throw new MusterError(ErrorCode.InvalidInput, `Too many files: ${message}.`, [{ path: 'file', message }]);
  }
  const large = files.find((f) => f.bytes !== undefined && f.bytes > bytesPerFile);
  if (large) throw planFileTooLarge(large.filename);
}

/** `invalid_input` on the `file` field: the file is over `PLAN_IMPORT_LIMITS.bytesPerFile`. */
export function planFileTooLarge(filename: string): MusterError {
  const mb = PLAN_IMPORT_LIMITS.bytesPerFile / 1024 / 1024;
  const message = `${filename} is larger than ${mb} MB: a plan is a few hundred rows; save just the plan's sheets and try again`;
  return new MusterError(ErrorCode.InvalidInput, `${filename} is too large to import.`, [
    { path: 'file', message },
  ]);
}
