/**
 * Reads a plan out of the tables partnerships already keep: an action table
 * in seed 003's shape (Priority | Action | Lead | Timescale | Progress update |
 * RAG) or seed 004's (Priority | Action, numbered "1.1 …" | Lead | Timescales |
 * Milestones), and seed 003's indicator table (Indicator | Baseline period |
 * Baseline | quarterly columns). Every row is checked before anything is
 * built, and every bad row is reported with its row number and reason, so an
 * import is all or nothing. The file formats (CSV, XLSX) are the app's job;
 * this module sees rows of text.
 */

import type { Action, Priority } from '../actions/action.js';
import { RAG_HINT, type Rag, tryParseRag } from '../actions/rag.js';
import type { Actor } from '../actor.js';
import { ErrorCode, MusterError, type ProblemDetail } from '../errors.js';
import type { Indicator, QuarterValue } from './indicator.js';

/** One table from a file: its name (sheet or file) and rows of cell text, with the row numbers people see. */
export interface Table {
  name: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export interface ImportedPlanParts {
  priorities: Priority[];
  actions: Action[];
  indicators: Indicator[];
}

const ACTION_COLUMNS = {
  priority: ['priority'],
  number: ['no', 'no.', 'ref', 'number', 'action no', 'action number'],
  action: ['action', 'actions'],
  lead: ['lead', 'lead agency'],
  person: ['lead person', 'lead officer', 'owner'],
  contact: ['lead contact', 'contact'],
  timescale: ['timescale', 'timescales'],
  milestones: ['milestones', 'milestone'],
  progress: ['progress update', 'progress', 'update'],
  rag: ['rag', 'rag status'],
} as const;

const INDICATOR_COLUMNS = {
  name: ['indicator'],
  period: ['baseline period', 'date of baseline'],
  baseline: ['baseline', 'baseline value'],
  better: ['better', 'higher is better', 'direction'],
} as const;

const QUARTER = /\bQ[1-4]\b/i;

export function isIndicatorTable(table: Table): boolean {
  return table.header.some((h) => norm(h) === 'indicator');
}

/** Builds the plan's parts from its tables, or throws one `invalid_input` listing every bad row. */
export function readPlanTables(
  tables: readonly Table[],
  context: { by: Actor; at: string; knownContacts?: ReadonlySet<string> },
): ImportedPlanParts {
  const problems: ProblemDetail[] = [];
  const priorities = new Map<number, Priority>();
  const actions: Action[] = [];
  const indicators: Indicator[] = [];
  for (const table of tables) {
    if (isIndicatorTable(table)) indicators.push(...readIndicators(table, problems));
    else actions.push(...readActions(table, priorities, context, problems));
  }
  if (actions.length === 0 && problems.length === 0) {
    problems.push({
      path: 'file',
      message: 'no actions found: the file needs a header row with Priority, Action and Lead',
    });
  }
  if (problems.length > 0) {
    throw new MusterError(
      ErrorCode.InvalidInput,
      `${problems.length === 1 ? 'A row' : `${problems.length} rows`} could not be read, so nothing was imported. Fix ${problems.length === 1 ? 'it' : 'them'} and import the file again.`,
      problems,
    );
  }
  return { priorities: [...priorities.values()].sort((a, b) => a.number - b.number), actions, indicators };
}

function readActions(
  table: Table,
  priorities: Map<number, Priority>,
  context: { by: Actor; at: string; knownContacts?: ReadonlySet<string> },
  problems: ProblemDetail[],
): Action[] {
  const col = columnsOf(table, ACTION_COLUMNS);
  for (const required of ['priority', 'action', 'lead'] as const) {
    if (col[required] === undefined) {
      problems.push({ path: `${table.name} row 1`, message: `no "${ACTION_COLUMNS[required][0]}" column` });
    }
  }
  if (problems.length > 0) return [];
  const actions: Action[] = [];
  const used = new Set<string>();
  for (const { row, cells } of table.rows) {
    const cell = (key: keyof typeof ACTION_COLUMNS) => {
      const index = col[key];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const where = `${table.name} row ${row}`;
    const reasons: string[] = [];
    const priority = parsePriority(cell('priority'), priorities);
    if (!priority)
      reasons.push(`priority "${cell('priority')}" should start with its number, such as "1: Place"`);
    let description = cell('action');
    let number = cell('number');
    const numbered = /^(\d+\.\d+)\s+(.*)$/s.exec(description);
    if (!number && numbered) {
      number = numbered[1] ?? '';
      description = numbered[2]?.trim() ?? '';
    }
    if (!description) reasons.push('the Action cell is empty');
    const lead = cell('lead');
    if (!lead) reasons.push('the Lead cell is empty');
    const ragText = cell('rag');
    const rag: Rag | undefined = ragText ? tryParseRag(ragText) : 'green';
    if (!rag) reasons.push(`"${ragText}" is not a RAG rating: ${RAG_HINT}`);
    const contact = cell('contact');
    if (contact && context.knownContacts && !context.knownContacts.has(contact)) {
      reasons.push(`lead contact "${contact}" is not in the directory`);
    }
    if (priority && number) {
      if (!/^\d+\.\d+$/.test(number)) reasons.push(`action number "${number}" should look like 1.2`);
      else if (Number(number.split('.')[0]) !== priority.number) {
        reasons.push(`action ${number} is listed under priority ${priority.number}`);
      } else if (used.has(number)) reasons.push(`action number ${number} is used twice`);
    }
    if (reasons.length > 0 || !priority || !rag) {
      problems.push({ path: where, message: reasons.join('; ') });
      continue;
    }
    if (!number) number = nextNumber(used, priority.number);
    used.add(number);
    actions.push(buildAction({ number, priority, description, lead, rag, cell }, context));
  }
  return actions;
}

function buildAction(
  row: {
    number: string;
    priority: Priority;
    description: string;
    lead: string;
    rag: Rag;
    cell: (key: keyof typeof ACTION_COLUMNS) => string;
  },
  context: { by: Actor; at: string },
): Action {
  const person = row.cell('person');
  const contact = row.cell('contact');
  const owner: Actor = contact
    ? { id: `contact:${contact}`, name: person || contact, contactId: contact }
    : { id: `lead:${slug(row.lead)}`, name: person || row.lead };
  const timescale = row.cell('timescale');
  const progress = row.cell('progress');
  const milestones = row
    .cell('milestones')
    .split(/\n|;/)
    .map((m) => m.trim())
    .filter((m) => m && m.toLowerCase() !== 'not applicable');
  return {
    id: `act-${row.number}`,
    number: row.number,
    priority: row.priority,
    description: row.description,
    leadAgency: row.lead,
    owner,
    ...(timescale ? { timescale } : {}),
    milestones,
    status: 'open',
    rag: row.rag,
    updates: progress ? [{ text: progress, rag: row.rag, by: context.by, at: context.at }] : [],
    createdBy: context.by,
    createdAt: context.at,
  };
}

function readIndicators(table: Table, problems: ProblemDetail[]): Indicator[] {
  const col = columnsOf(table, INDICATOR_COLUMNS);
  if (col.baseline === undefined || col.period === undefined) {
    problems.push({
      path: `${table.name} row 1`,
      message: 'an indicator table needs "Baseline period" and "Baseline" columns',
    });
    return [];
  }
  const quarterColumns = table.header
    .map((h, index) => ({ quarter: h.trim(), index }))
    .filter((q) => QUARTER.test(q.quarter));
  const indicators: Indicator[] = [];
  for (const { row, cells } of table.rows) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
    const reasons: string[] = [];
    const name = cell(col.name);
    if (!name) reasons.push('the Indicator cell is empty');
    const baseline = parseNumber(cell(col.baseline));
    if (baseline === undefined) reasons.push(`baseline "${cell(col.baseline)}" is not a number`);
    const higherIsBetter = parseDirection(cell(col.better), name);
    if (higherIsBetter === undefined) {
      reasons.push('say in the Better column whether higher or lower is better');
    }
    const quarters: QuarterValue[] = [];
    for (const q of quarterColumns) {
      const text = cell(q.index);
      if (!text) continue;
      const value = parseNumber(text);
      if (value === undefined) reasons.push(`${q.quarter} "${text}" is not a number`);
      else quarters.push({ quarter: q.quarter, value });
    }
    if (reasons.length > 0 || baseline === undefined || higherIsBetter === undefined) {
      problems.push({ path: `${table.name} row ${row}`, message: reasons.join('; ') });
      continue;
    }
    indicators.push({
      id: `ind-${indicators.length + 1}`,
      name,
      baselinePeriod: cell(col.period),
      baseline,
      higherIsBetter,
      quarters,
    });
  }
  return indicators;
}

function parsePriority(text: string, priorities: Map<number, Priority>): Priority | undefined {
  const match = /^(?:priority\s*)?(\d+)\s*[.:\-–)]?\s*(.*)$/is.exec(text.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  const title = (match[2] ?? '').trim();
  const known = priorities.get(number);
  if (known && (!title || known.title === title)) return known;
  const priority = { number, title: title || known?.title || `Priority ${number}` };
  if (!known || known.title.startsWith('Priority ')) priorities.set(number, priority);
  return priorities.get(number);
}

function parseDirection(text: string, name: string): boolean | undefined {
  const t = norm(text);
  if (['higher', 'up', 'yes', 'y', 'true', 'increase'].includes(t)) return true;
  if (['lower', 'down', 'no', 'n', 'false', 'reduction', 'decrease'].includes(t)) return false;
  if (t) return undefined;
  if (/^(reduction|reduce|fewer|decrease)/i.test(name.trim())) return false;
  if (/^(increase|more|rise)/i.test(name.trim())) return true;
  return undefined;
}

function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

function nextNumber(used: ReadonlySet<string>, priority: number): string {
  let n = 1;
  while (used.has(`${priority}.${n}`)) n += 1;
  return `${priority}.${n}`;
}

function columnsOf<K extends string>(
  table: Table,
  names: Record<K, readonly string[]>,
): Partial<Record<K, number>> {
  const found: Partial<Record<K, number>> = {};
  for (const key of Object.keys(names) as K[]) {
    const index = table.header.findIndex((h) => names[key].includes(norm(h)));
    if (index >= 0) found[key] = index;
  }
  return found;
}

function norm(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
