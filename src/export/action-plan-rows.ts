/**
 * The action plan as rows in the column shape of the partnership plans
 * (No. | Action | Lead | Timescale | Progress update | RAG), shared by the
 * tabular formats (XLSX, CSV, Markdown, DOCX) so they cannot drift apart.
 * Priorities become section rows, as in the source plans.
 */
import type { ActionItem, ActionPlanDocument, Rag } from './export-model.js';
import { RAG_LABEL } from './rag.js';

export const ACTION_PLAN_COLUMNS = ['No.', 'Action', 'Lead', 'Timescale', 'Progress update', 'RAG'] as const;

export type ActionPlanRow =
  | { kind: 'priority'; number: string; title: string }
  | { kind: 'action'; cells: readonly [string, string, string, string, string, string]; rag: Rag };

/** The lead column names the person too when one is assigned. */
export function leadText(action: ActionItem): string {
  return action.owner ? `${action.lead} (${action.owner})` : action.lead;
}

/** Status goes in front of the update, so "Complete" is read before the detail. */
export function progressText(action: ActionItem): string {
  if (!action.status) return action.progressUpdate;
  return action.progressUpdate ? `${action.status}: ${action.progressUpdate}` : action.status;
}

export function priorityTitle(number: string, title: string): string {
  return `PRIORITY ${number}. ${title}`;
}

export function actionPlanRows(plan: ActionPlanDocument): ActionPlanRow[] {
  const rows: ActionPlanRow[] = [];
  for (const priority of plan.priorities) {
    rows.push({ kind: 'priority', number: priority.number, title: priority.title });
    for (const action of priority.actions) {
      rows.push({
        kind: 'action',
        rag: action.rag,
        cells: [
          action.number,
          action.description,
          leadText(action),
          action.timescale,
          progressText(action),
          RAG_LABEL[action.rag],
        ],
      });
    }
  }
  return rows;
}
