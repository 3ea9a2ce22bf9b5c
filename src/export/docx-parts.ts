/**
 * Building blocks shared by the minutes and final-report DOCX renderers:
 * headings, paragraphs, bullet lists, plain tables and the action plan table
 * with shaded RAG cells. Tables use real header rows (repeated on each page,
 * announced by screen readers) rather than bold first rows.
 */
import {
  type FileChild,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ACTION_PLAN_COLUMNS, actionPlanRows, priorityTitle } from './action-plan-rows.js';
import type { ActionPlanDocument, Rag } from './export-model.js';
import { RAG_COLOUR, RAG_LABEL } from './rag.js';

const HEADER_FILL = 'D9D9D9';
const PRIORITY_FILL = 'F2F2F2';
/** Percentages of the page width for No. | Action | Lead | Timescale | Progress | RAG. */
const PLAN_WIDTHS = [7, 33, 16, 12, 22, 10];

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[
    level
  ];
  return new Paragraph({ text, heading: headingLevel });
}

export function title(text: string): Paragraph {
  return new Paragraph({ text, heading: HeadingLevel.TITLE });
}

export function para(text: string, options: { italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: textRuns(text, options) });
}

/** "Label: value" with the label bold, for the facts at the top of a document. */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...textRuns(value)] });
}

export function bullets(items: readonly string[], none = 'None recorded.'): Paragraph[] {
  if (items.length === 0) return [para(none, { italics: true })];
  return items.map((item) => new Paragraph({ children: textRuns(item), bullet: { level: 0 } }));
}

/** A run per line: Word ignores "\n" inside a run, so breaks must be explicit. */
function textRuns(
  text: string,
  options: { bold?: boolean; italics?: boolean; color?: string } = {},
): TextRun[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1, ...options }));
}

function cell(
  text: string,
  options: { fill?: string; bold?: boolean; color?: string; width?: number; columnSpan?: number } = {},
): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: textRuns(text, { bold: options.bold, color: options.color }) })],
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
  });
}

/** The RAG cell: shaded and also carrying the word, so it reads in greyscale and aloud. */
export function ragCell(rag: Rag, width?: number): TableCell {
  const colour = RAG_COLOUR[rag];
  return cell(RAG_LABEL[rag], { fill: colour.fill, color: colour.text, bold: true, width });
}

export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: readonly number[],
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, { bold: true, fill: HEADER_FILL, width: widths?.[i] })),
      }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { width: widths?.[i] })) })),
    ],
  });
}

/** The action plan table; an empty plan is a sentence, not a header with no rows. */
export function actionPlanTable(plan: ActionPlanDocument): FileChild {
  const rows = actionPlanRows(plan);
  if (rows.length === 0) return para('No actions agreed yet.', { italics: true });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ACTION_PLAN_COLUMNS.map((h, i) =>
          cell(h, { bold: true, fill: HEADER_FILL, width: PLAN_WIDTHS[i] }),
        ),
      }),
      ...rows.map((row) =>
        row.kind === 'priority'
          ? new TableRow({
              children: [
                cell(row.number, { bold: true, fill: PRIORITY_FILL }),
                cell(priorityTitle(row.number, row.title), {
                  bold: true,
                  fill: PRIORITY_FILL,
                  columnSpan: 5,
                }),
              ],
            })
          : new TableRow({
              cantSplit: true,
              children: [
                ...row.cells.slice(0, 5).map((c, i) => cell(c, { width: PLAN_WIDTHS[i] })),
                ragCell(row.rag, PLAN_WIDTHS[5]),
              ],
            }),
      ),
    ],
  });
}
