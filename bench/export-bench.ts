/**
 * How long do the exports take for a big incident? Minutes (DOCX + Markdown)
 * and the action plan (XLSX + CSV) for 200 actions, against the same exports
 * for 10 actions as the baseline. Goal: the 200-action set in under 1 s
 * (median), reported as measured / 1000 ms against a goal ratio of 1.
 */
import { renderActionPlanCsv } from '../src/export/action-plan-csv.js';
import { renderActionPlanXlsx } from '../src/export/action-plan-xlsx.js';
import { renderMinutesDocx } from '../src/export/minutes-docx.js';
import { renderMinutesMarkdown } from '../src/export/minutes-markdown.js';
import { largeMinutes } from '../test/export/export-fixtures.js';
import { type BenchRow, compareMedians } from './bench-kit.js';

const RUNS = 15;
const SMALL = 10;
const LARGE = 200;
const BUDGET_MS = 1000;

async function exportAll(actions: number): Promise<number> {
  const minutes = largeMinutes(actions);
  // One after another, as a request handler would do them; no overlap flatters the time.
  const docx = await renderMinutesDocx(minutes);
  const xlsx = await renderActionPlanXlsx(minutes.actionPlan);
  const md = renderMinutesMarkdown(minutes);
  const csv = renderActionPlanCsv(minutes.actionPlan);
  return docx.length + xlsx.length + md.length + csv.length;
}

export async function runExportBench(): Promise<BenchRow[]> {
  const { baseline, measured } = await compareMedians(
    RUNS,
    () => exportAll(SMALL),
    () => exportAll(LARGE),
  );
  // The goal is absolute (under a second), so the ratio is against the budget, not the baseline.
  const ratio = measured / BUDGET_MS;
  return [
    {
      name: `export minutes+plan, ${SMALL} vs ${LARGE} actions (budget ${BUDGET_MS} ms)`,
      baseline,
      measured,
      ratio,
      goal: 1,
      pass: ratio <= 1,
      unit: 'ms',
    },
  ];
}
