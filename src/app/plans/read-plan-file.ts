/**
 * Turns an uploaded plan file into the tables `core/plans/plan-rows.ts`
 * reads: a CSV is one table; an XLSX gives one table per non-empty sheet
 * (seed-shaped workbooks keep actions and indicators on separate sheets).
 * Row numbers are the ones a person sees in their spreadsheet, header = 1.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Table } from '../../core/plans/plan-rows.js';

export interface PlanFile {
  filename: string;
  content: Buffer;
}

export async function readPlanFile(file: PlanFile): Promise<Table[]> {
  const name = file.filename.toLowerCase();
  if (name.endsWith('.csv')) return [readCsv(file)];
  if (name.endsWith('.xlsx')) return readXlsx(file);
  const message = `${file.filename} is neither a .csv nor an .xlsx file: save the plan in one of those and try again`;
  throw new MusterError(ErrorCode.InvalidInput, message, [{ path: 'file', message }]);
}

function readCsv(file: PlanFile): Table {
  let records: string[][];
  try {
    records = parse(file.content, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const message = `${file.filename} is not a readable CSV file (${(error as Error).message})`;
    throw new MusterError(ErrorCode.InvalidInput, message, [{ path: 'file', message }]);
  }
  return toTable(file.filename, records);
}

async function readXlsx(file: PlanFile): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
  } catch (error) {
    const message = `${file.filename} is not a readable Excel workbook (${(error as Error).message})`;
    throw new MusterError(ErrorCode.InvalidInput, message, [{ path: 'file', message }]);
  }
  const tables: Table[] = [];
  workbook.eachSheet((sheet) => {
    const records: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(row.getCell(c).text ?? '');
      records.push(cells);
    }
    if (records.some((r) => r.some((c) => c.trim()))) tables.push(toTable(sheet.name, records));
  });
  return tables;
}

function toTable(name: string, records: string[][]): Table {
  const [header = [], ...rest] = records;
  return {
    name,
    header: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}
