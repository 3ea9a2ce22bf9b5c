import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ACTION_PLAN_SHEET, renderActionPlanXlsx } from '../../src/export/action-plan-xlsx.js';
import { PLAN } from './export-fixtures.js';

async function readBack(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.getWorksheet(ACTION_PLAN_SHEET)!;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('renderActionPlanXlsx', () => {
  it('has the No. + seed 003 columns as a frozen header', async () => {
    const sheet = await readBack(await renderActionPlanXlsx(PLAN));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No.',
      'Action',
      'Lead',
      'Timescale',
      'Progress update',
      'RAG',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('writes priorities as bold section rows and actions beneath them', async () => {
    const sheet = await readBack(await renderActionPlanXlsx(PLAN));
    expect(sheet.getCell('A2').value).toBe('1');
    expect(sheet.getCell('B2').value).toBe('PRIORITY 1. Community reassurance');
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      '1.1',
      'Increase high-visibility patrols around Market Place, evenings and weekends',
      'Nottinghamshire Police (Insp. Ada Shaw)',
      '4 weeks',
      'Open: Patrol plan agreed; first week done',
      'Green',
    ]);
    expect(sheet.getCell('B5').value).toBe('PRIORITY 2. Victims and families');
    expect(sheet.rowCount).toBe(6);
  });

  it('fills each RAG cell in its colour and keeps the word', async () => {
    const sheet = await readBack(await renderActionPlanXlsx(PLAN));
    expect([sheet.getCell('F3').value, fillOf(sheet.getCell('F3'))]).toEqual(['Green', 'FF00B050']);
    expect([sheet.getCell('F4').value, fillOf(sheet.getCell('F4'))]).toEqual(['Amber', 'FFFFC000']);
    expect([sheet.getCell('F6').value, fillOf(sheet.getCell('F6'))]).toEqual(['Red', 'FFC00000']);
    expect(sheet.getCell('F6').font?.color?.argb).toBe('FFFFFFFF');
  });

  it('keeps formula-looking text as text, never a formula', async () => {
    const sheet = await readBack(await renderActionPlanXlsx(PLAN));
    expect(sheet.getCell('B6').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B6').value).toBe('=HYPERLINK("http://evil.example","click") support referral');
  });

  it('sets column widths so the text columns are wide', async () => {
    const sheet = await readBack(await renderActionPlanXlsx(PLAN));
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getColumn(1).width).toBeLessThan(10);
  });
});
