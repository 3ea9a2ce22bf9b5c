/**
 * The action plan as a Markdown table, used inside the minutes and the final
 * report. Priorities are bold section rows, as in the partnership plans, and
 * the RAG column carries the word (Markdown has no cell colour anyway).
 */
import { ACTION_PLAN_COLUMNS, actionPlanRows, priorityTitle } from './action-plan-rows.js';
import type { ActionPlanDocument } from './export-model.js';
import { mdCell, mdTable } from './markdown-text.js';

export function actionPlanMarkdown(plan: ActionPlanDocument): string[] {
  const rows = actionPlanRows(plan);
  if (rows.length === 0) return ['_No actions agreed yet._'];
  const [header, divider, ...body] = mdTable(
    ACTION_PLAN_COLUMNS,
    rows.map((row) =>
      row.kind === 'priority'
        ? [row.number, priorityTitle(row.number, row.title), '', '', '', '']
        : row.cells,
    ),
  );
  // Bold the priority rows after escaping, so the `**` survives as markup.
  const styled = body.map((line, i) => {
    const row = rows[i]!;
    if (row.kind !== 'priority') return line;
    return `| **${mdCell(row.number)}** | **${mdCell(priorityTitle(row.number, row.title))}** |  |  |  |  |`;
  });
  return [header!, divider!, ...styled];
}
