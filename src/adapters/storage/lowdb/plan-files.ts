/**
 * Strategic plans in the lowdb data directory: one JSON file per plan under
 * `plans/<id>.json`, replaced whole with the same crash-safe write as the
 * incident files. Plans are few and small (a few dozen actions), so there is
 * no index: listing reads the folder. Kept apart from the incident files so
 * the incident write order in `lowdb-store.ts` is untouched.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { type Plan, type PlanSummary, planNotFound, summarisePlan } from '../../../core/plans/plan.js';
import { isErrno, isTempFile, writeFileAtomic } from './atomic-file.js';
import { isSafeId } from './layout.js';

export class PlanFiles {
  constructor(
    private readonly dir: string,
    private readonly durable: boolean,
  ) {}

  static folderIn(dataDir: string): string {
    return join(dataDir, 'plans');
  }

  async create(plan: Plan): Promise<Plan> {
    checkId(plan.id);
    if (await this.read(plan.id)) {
      throw new MusterError(ErrorCode.Conflict, `Plan ${plan.id} already exists; it was not imported again.`);
    }
    await this.write(plan);
    return structuredClone(plan);
  }

  async read(id: string): Promise<Plan | undefined> {
    if (!isSafeId(id)) return undefined;
    let text: string;
    try {
      text = await readFile(this.path(id), 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as Plan;
    } catch {
      throw new MusterError(ErrorCode.CorruptData, `The file for plan ${id} cannot be read.`, [
        { path: this.path(id), message: 'not valid JSON' },
      ]);
    }
  }

  async list(): Promise<PlanSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return [];
      throw error;
    }
    const plans: PlanSummary[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !isTempFile(n)).sort()) {
      const plan = await this.read(name.slice(0, -'.json'.length));
      if (plan) plans.push(summarisePlan(plan));
    }
    return plans;
  }

  /** Read, change, write; the caller serialises calls per plan. */
  async update(id: string, change: (current: Plan) => Plan): Promise<Plan> {
    const current = await this.read(id);
    if (!current) throw planNotFound(id);
    const next = { ...change(structuredClone(current)), id, version: current.version + 1 };
    await this.write(next);
    return structuredClone(next);
  }

  private async write(plan: Plan): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.path(plan.id), `${JSON.stringify(plan, null, 2)}\n`, this.durable);
  }

  private path(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}

function checkId(id: string): void {
  if (!isSafeId(id)) {
    throw new MusterError(ErrorCode.InvalidInput, `"${id}" cannot name a plan.`, [
      { path: 'planId', message: 'use letters, digits and dashes' },
    ]);
  }
}
