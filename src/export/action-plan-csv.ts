/**
 * The action plan as CSV (RFC 4180: CRLF rows, fields quoted when they hold a
 * comma, quote or line break, quotes doubled), for agencies whose systems take
 * nothing else. Columns as the XLSX; priorities are section rows.
 *
 * Text typed by partners ends up in someone's spreadsheet, so any cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and tab/CR, which
 * some apps strip first) is prefixed with `'` (OWASP "CSV injection").
 */
import { ACTION_PLAN_COLUMNS, actionPlanRows, priorityTitle } from './action-plan-rows.js';
import type { ActionPlanDocument } from './export-model.js';

export interface CsvOptions {
  /** Prefix a UTF-8 byte order mark so Excel opens accented names correctly. Default false. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell a spreadsheet would evaluate. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const guarded = guardFormula(value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',');
}

export function renderActionPlanCsv(plan: ActionPlanDocument, options: CsvOptions = {}): string {
  const lines = [csvLine(ACTION_PLAN_COLUMNS)];
  for (const row of actionPlanRows(plan)) {
    lines.push(
      row.kind === 'priority'
        ? csvLine([row.number, priorityTitle(row.number, row.title), '', '', '', ''])
        : csvLine(row.cells),
    );
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
