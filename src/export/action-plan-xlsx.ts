/**
 * The action plan as an Excel workbook in the column shape the partnerships
 * already keep (No. | Action | Lead | Timescale | Progress update | RAG), so
 * it can be pasted into or compared with their own plans. One sheet; priority
 * rows are bold section rows; RAG cells are filled and carry the word.
 */
import ExcelJS from 'exceljs';
import { ACTION_PLAN_COLUMNS, actionPlanRows, priorityTitle } from './action-plan-rows.js';
import type { ActionPlanDocument } from './export-model.js';
import { RAG_COLOUR } from './rag.js';

export const ACTION_PLAN_SHEET = 'Action plan';

/** Characters per column, wide enough that the usual text wraps in two or three lines. */
const WIDTHS = [7, 60, 28, 16, 48, 9];
const HEADER_FILL = 'FFD9D9D9';
const PRIORITY_FILL = 'FFF2F2F2';

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export async function renderActionPlanXlsx(plan: ActionPlanDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Muster';
  workbook.title = `Action plan — ${plan.incident.reference}`;
  workbook.subject = plan.incident.title;

  const sheet = workbook.addWorksheet(ACTION_PLAN_SHEET, {
    // Frozen header so the column names stay visible while scrolling 200 actions.
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    headerFooter: {
      oddHeader: `&L${escapeHeader(plan.incident.reference)} — ${escapeHeader(plan.incident.title)}&RAs at ${escapeHeader(plan.asAt)}`,
      oddFooter: '&CPage &P of &N',
    },
  });
  sheet.columns = ACTION_PLAN_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.pageSetup.printTitlesRow = '1:1';

  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = solid(HEADER_FILL);
  });

  for (const row of actionPlanRows(plan)) {
    if (row.kind === 'priority') {
      const added = sheet.addRow([row.number, priorityTitle(row.number, row.title)]);
      added.font = { bold: true };
      for (let col = 1; col <= ACTION_PLAN_COLUMNS.length; col += 1)
        added.getCell(col).fill = solid(PRIORITY_FILL);
      continue;
    }
    const added = sheet.addRow([...row.cells]);
    added.alignment = { vertical: 'top', wrapText: true };
    const rag = added.getCell(ACTION_PLAN_COLUMNS.length);
    const colour = RAG_COLOUR[row.rag];
    rag.fill = solid(`FF${colour.fill}`);
    rag.font = { bold: true, color: { argb: `FF${colour.text}` } };
    rag.alignment = { vertical: 'top', horizontal: 'center' };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ACTION_PLAN_COLUMNS.length } };

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** `&` starts a code in Excel header/footer text; a literal one is written `&&`. */
function escapeHeader(text: string): string {
  return text.replace(/&/g, '&&');
}
