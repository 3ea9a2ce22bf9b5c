/**
 * The directory as a coordinator keeps it in a spreadsheet: one row per contact
 * per area (`area,agency,lists,name,email,role,slack_id,teams_id,coordinator`).
 * Import reads every row, reports every unreadable one by its spreadsheet row
 * number and imports nothing unless all are good; export writes the same shape.
 */
import { parse } from 'csv-parse/sync';
import { ErrorCode, MusterError, type ProblemDetail } from '../errors.js';
import type { ListNumber } from './directory.js';
import { parseDirectory } from './directory.js';
import {
  DIRECTORY_CSV_COLUMNS,
  type DirectoryCsvColumn,
  formatListsCell,
  normaliseHeader,
  REQUIRED_CSV_COLUMNS,
  YES_CELL,
} from './directory-cells.js';
import { type CsvRow, DirectoryBuilder } from './directory-csv-builder.js';
import type { Directory } from './directory-schema.js';

export interface DirectoryCsvOptions {
  /** The partnership the directory belongs to; the CSV has no place for it. */
  partnership: string;
  /** What to call the input in error messages ("the file directory/northants.csv"). */
  origin?: string;
}

const HEADER_ROW = 1;
const rowPath = (row: number) => `row ${row}`;

function refuse(origin: string, problems: ProblemDetail[]): never {
  throw new MusterError(
    ErrorCode.InvalidDirectory,
    `The ${origin} is not a valid directory; nothing was imported. Fix these problems and try again:`,
    problems,
  );
}

function readRecords(csv: string, origin: string): string[][] {
  try {
    // Blank lines are kept as records so that record numbers are spreadsheet row numbers.
    return parse(csv, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    const records = (error as { records?: unknown }).records;
    const path = typeof records === 'number' ? rowPath(records + 1) : '';
    return refuse(origin, [{ path, message: `the CSV cannot be read: ${(error as Error).message}` }]);
  }
}

function readHeader(cells: string[]): {
  columns: Map<DirectoryCsvColumn, number>;
  problems: ProblemDetail[];
} {
  const columns = new Map<DirectoryCsvColumn, number>();
  const problems: ProblemDetail[] = [];
  const known = new Set<string>(DIRECTORY_CSV_COLUMNS);
  cells.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    if (!known.has(name)) return; // other columns are the coordinator's own notes
    const column = name as DirectoryCsvColumn;
    if (columns.has(column)) {
      problems.push({ path: rowPath(HEADER_ROW), message: `column "${column}" appears twice in the header` });
    }
    columns.set(column, index);
  });
  for (const column of REQUIRED_CSV_COLUMNS) {
    if (!columns.has(column)) {
      problems.push({
        path: rowPath(HEADER_ROW),
        message: `the header has no "${column}" column (expected ${DIRECTORY_CSV_COLUMNS.join(',')})`,
      });
    }
  }
  return { columns, problems };
}

/** Reads a directory CSV. Throws `invalid_directory` listing every problem; never imports part of it. */
export function importDirectoryCsv(csv: string, options: DirectoryCsvOptions): Directory {
  const origin = options.origin ?? 'CSV';
  const records = readRecords(csv, origin);
  const [headerCells, ...rows] = records;
  if (!headerCells || headerCells.every((c) => c.trim() === '')) {
    refuse(origin, [
      {
        path: rowPath(HEADER_ROW),
        message: `the CSV is empty: start with the header ${DIRECTORY_CSV_COLUMNS.join(',')}`,
      },
    ]);
  }
  const { columns, problems } = readHeader(headerCells);
  if (problems.length > 0) refuse(origin, problems);

  const builder = new DirectoryBuilder();
  rows.forEach((cells, index) => {
    const number = index + HEADER_ROW + 1;
    if (cells.every((c) => c.trim() === '')) return; // spreadsheets leave empty rows behind
    const cell = (column: DirectoryCsvColumn) => {
      const at = columns.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const extra = cells.slice(headerCells.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problems.push({
        path: rowPath(number),
        message: `the row has ${cells.length} cells but the header only ${headerCells.length}; remove the extra cells or name their column`,
      });
    }
    const row: CsvRow = {
      number,
      area: cell('area'),
      agency: cell('agency'),
      lists: cell('lists'),
      name: cell('name'),
      email: cell('email'),
      role: cell('role'),
      slackId: cell('slack_id'),
      teamsId: cell('teams_id'),
      coordinator: cell('coordinator'),
    };
    for (const message of builder.add(row)) problems.push({ path: rowPath(number), message });
  });
  if (builder.isEmpty() && problems.length === 0) {
    problems.push({ path: rowPath(HEADER_ROW + 1), message: 'the CSV has a header but no rows' });
  }
  if (problems.length > 0) refuse(origin, problems);
  return parseDirectory(builder.build(options.partnership), origin);
}

/** A cell as CSV: quoted only when it holds a comma, a quote, a line break or edge spaces. */
function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes the directory in the import's shape, grouped by area then agency.
 * `import(export(d))` equals `d` (up to ordering) when d's ids are the slugs of
 * its names and every area and agency has a membership or a contact; the
 * CSV has no column for an area's coordination channel.
 */
export function exportDirectoryCsv(dir: Directory): string {
  const lines = [DIRECTORY_CSV_COLUMNS.join(',')];
  const write = (cells: Record<DirectoryCsvColumn, string>) =>
    lines.push(DIRECTORY_CSV_COLUMNS.map((column) => quote(cells[column])).join(','));
  for (const area of dir.areas) {
    for (const agency of dir.agencies) {
      const membership = dir.memberships.find((m) => m.area === area.id && m.agency === agency.id);
      const lists: ListNumber[] = membership?.lists ?? [];
      const contacts = dir.contacts.filter(
        (c) =>
          c.agency === agency.id &&
          (c.areas.includes(area.id) ||
            (c.areas.length === 0 && lists.length > 0) ||
            // A coordinator always gets a row in their area, or the flag would be lost.
            area.coordinators.includes(c.id)),
      );
      const common = { area: area.name, agency: agency.name, lists: formatListsCell(lists) };
      if (contacts.length === 0 && membership) {
        write({ ...common, name: '', email: '', role: '', slack_id: '', teams_id: '', coordinator: '' });
      }
      for (const c of contacts) {
        write({
          ...common,
          name: c.name,
          email: c.email,
          role: c.role,
          slack_id: c.slackId ?? '',
          teams_id: c.teamsId ?? '',
          coordinator: area.coordinators.includes(c.id) ? YES_CELL : '',
        });
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
