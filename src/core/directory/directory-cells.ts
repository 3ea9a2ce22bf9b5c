/**
 * How a coordinator's spreadsheet writes directory values, and how Muster reads
 * them: ids slugged from display names, List 1 / List 2 as `1`, `2`, `1+2` or
 * `none`, yes/no flags, and the header's column names.
 */
import type { ListNumber } from './directory.js';

/** The columns of the directory CSV, in the order Muster writes them. */
export const DIRECTORY_CSV_COLUMNS = [
  'area',
  'agency',
  'lists',
  'name',
  'email',
  'role',
  'slack_id',
  'teams_id',
  'coordinator',
] as const;
export type DirectoryCsvColumn = (typeof DIRECTORY_CSV_COLUMNS)[number];

export const REQUIRED_CSV_COLUMNS: readonly DirectoryCsvColumn[] = [
  'area',
  'agency',
  'lists',
  'name',
  'email',
  'role',
];

/** "East Northamptonshire" → `east-northamptonshire`; "Nene & Corby CCG" → `nene-and-corby-ccg`. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      // Combining accents left by NFKD: "Café" keeps its "e".
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      // "St John's" is `st-johns`, not `st-john-s`.
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/** A header cell as a column name: "Slack ID " → `slack_id`. */
export function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const NO_LIST = 'none';
const BOTH_LISTS = 'both';
const LISTS_HINT = `1, 2, 1+2 or ${NO_LIST}`;

export type ListsCell = { ok: true; lists: ListNumber[] } | { ok: false; message: string };

/**
 * Reads the lists an agency is on: `1`, `2`, `1+2`, `1,2`, `1 & 2`, `both`,
 * `List 1`, `List 1 + List 2`; `none` says the agency is on neither list in
 * that area (its contact is recorded but not notified). Blank is refused, so a
 * forgotten cell never silently leaves an agency out of a notification.
 */
export function parseListsCell(raw: string): ListsCell {
  const cell = raw.trim().toLowerCase();
  if (cell === '') return { ok: false, message: `lists is empty: write ${LISTS_HINT}` };
  if (cell === NO_LIST) return { ok: true, lists: [] };
  if (cell === BOTH_LISTS) return { ok: true, lists: [1, 2] };
  const tokens = cell
    .replace(/\blists?\b/g, ' ')
    .split(/\band\b|[\s+,&/;]+/)
    .filter((t) => t !== '');
  const lists = new Set<ListNumber>();
  for (const token of tokens) {
    if (token === '1') lists.add(1);
    else if (token === '2') lists.add(2);
    else return { ok: false, message: `lists "${raw.trim()}" should be ${LISTS_HINT}` };
  }
  if (lists.size === 0) return { ok: false, message: `lists "${raw.trim()}" should be ${LISTS_HINT}` };
  return { ok: true, lists: [...lists].sort() };
}

export function formatListsCell(lists: readonly ListNumber[]): string {
  return lists.length === 0 ? NO_LIST : [...lists].sort().join('+');
}

const YES = new Set(['yes', 'y', 'true', 'x', '1']);
const NO = new Set(['', 'no', 'n', 'false', '0']);
export const YES_CELL = 'yes';

/** `true`/`false`, or `undefined` when the cell is neither a yes nor a no. */
export function parseYesNoCell(raw: string): boolean | undefined {
  const cell = raw.trim().toLowerCase();
  if (YES.has(cell)) return true;
  if (NO.has(cell)) return false;
  return undefined;
}
