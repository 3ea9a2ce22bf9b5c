/**
 * The quarterly board report as an Excel workbook, one sheet per part
 * (Summary, Exceptions, Indicators) so a board secretary can paste each into
 * their own pack. Numbers are numbers (the % change is a real value with a
 * percent format), and RAG cells are filled and carry the word.
 */
import ExcelJS from 'exceljs';
import type { BoardReportDocument } from './board-report-model.js';
import type { Rag } from './export-model.js';
import { RAG_COLOUR, RAG_LABEL } from './rag.js';

export const BOARD_SHEETS = {
  summary: 'Summary',
  exceptions: 'Exceptions',
  indicators: 'Indicators',
} as const;

export async function renderBoardReportXlsx(report: BoardReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Muster';
  workbook.title = `Board report — ${report.title}`;

  const summary = workbook.addWorksheet(BOARD_SHEETS.summary);
  summary.columns = [
    { header: 'Priority', width: 60 },
    { header: 'Red', width: 8 },
    { header: 'Amber', width: 8 },
    { header: 'Green', width: 8 },
  ];
  bold(summary);
  for (const p of report.priorities) summary.addRow([`${p.number}. ${p.title}`, p.red, p.amber, p.green]);
  summary.addRow([]);
  summary.addRow(['Update round', report.roundLine]);
  summary.addRow(['As at', report.asAt]);

  const exceptions = workbook.addWorksheet(BOARD_SHEETS.exceptions);
  exceptions.columns = [
    { header: 'No.', width: 7 },
    { header: 'Action', width: 60 },
    { header: 'Lead', width: 30 },
    { header: 'RAG', width: 9 },
    { header: 'Latest update', width: 60 },
    { header: 'Updated', width: 28 },
  ];
  bold(exceptions);
  for (const e of report.exceptions) {
    const row = exceptions.addRow([
      e.number,
      e.description,
      e.lead,
      RAG_LABEL[e.rag],
      e.latestUpdate,
      e.updatedBy,
    ]);
    fillRag(row.getCell(4), e.rag);
  }

  const indicators = workbook.addWorksheet(BOARD_SHEETS.indicators);
  indicators.columns = [
    { header: 'Key', width: 6 },
    { header: 'Indicator', width: 60 },
    { header: 'Baseline period', width: 22 },
    { header: 'Baseline', width: 10 },
    { header: 'Latest quarter', width: 14 },
    { header: 'Latest', width: 10 },
    { header: '% change', width: 10 },
    { header: 'RAG', width: 9 },
    { header: 'Better', width: 8 },
  ];
  bold(indicators);
  for (const i of report.indicators) {
    const row = indicators.addRow([
      i.key,
      i.name,
      i.baselinePeriod,
      i.baseline,
      i.latestQuarter ?? '',
      i.latest ?? '',
      i.change === undefined ? i.changeText : i.change / 100,
      i.rag ? RAG_LABEL[i.rag] : '',
      i.betterDirection,
    ]);
    row.getCell(7).numFmt = '+0.0%;-0.0%;0%';
    if (i.rag) fillRag(row.getCell(8), i.rag);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function bold(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

function fillRag(cell: ExcelJS.Cell, rag: Rag): void {
  const colour = RAG_COLOUR[rag];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.fill}` } };
  cell.font = { bold: true, color: { argb: `FF${colour.text}` } };
}
