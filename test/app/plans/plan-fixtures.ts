/**
 * Plan files for the app tests: the seed-shaped CSV fixtures in
 * test/fixtures/plans, and the same tables written into an XLSX workbook
 * (actions and indicators on two sheets) the way a partnership would keep it.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import type { PlanFile } from '../../../src/app/plans/read-plan-file.js';
import type { Plan } from '../../../src/core/plans/plan.js';
import { COORDINATOR } from '../harness.js';

const DIR = new URL('../../fixtures/plans/', import.meta.url);

export const COORDINATOR_REQUEST = { by: COORDINATOR, requester: { contactId: 'cara-csp' } };
export const PAT = { id: 'contact:pat-police', name: 'Pat Police', contactId: 'pat-police' };

export async function fixture(name: string): Promise<PlanFile> {
  return { filename: name, content: await readFile(new URL(name, DIR)) };
}

/** The CSV fixtures as sheets of one workbook. */
export async function workbookOf(sheets: Record<string, string>): Promise<PlanFile> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, csv] of Object.entries(sheets)) {
    const rows: string[][] = parse(await readFile(new URL(csv, DIR)), { relax_column_count: true });
    const sheet = workbook.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row.map((c) => (/^-?\d+$/.test(c) ? Number(c) : c)));
  }
  return { filename: 'plan.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/**
 * Seed 003's plan, imported by the coordinator as `ashfield-2024` ("Ashfield
 * plan") from the fixture files named: what the chat tests start from.
 */
export async function importAshfieldPlan(
  deps: Parameters<typeof importPlan>[0],
  files: string[] = ['ashfield-actions.csv'],
): Promise<Plan> {
  return importPlan(deps, {
    planId: 'ashfield-2024',
    title: 'Ashfield plan',
    files: await Promise.all(files.map(fixture)),
    ...COORDINATOR_REQUEST,
  });
}
