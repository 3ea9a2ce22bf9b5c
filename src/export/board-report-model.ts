/**
 * What the quarterly board report of a strategic plan says, as plain data the
 * DOCX and XLSX renderers share (the app builds it from the plan): RAG counts
 * per priority, red/amber exceptions with their latest update, indicators
 * with baseline, latest figure, % change and RAG, and each indicator's trend.
 */
import type { Rag } from './export-model.js';

export interface BoardPriorityRow {
  number: number;
  title: string;
  red: number;
  amber: number;
  green: number;
}

export interface BoardExceptionRow {
  number: string;
  description: string;
  lead: string;
  rag: Rag;
  latestUpdate: string;
  /** "12 Jul 2024, Pat Police", or empty when nobody has written an update. */
  updatedBy: string;
}

export interface BoardIndicatorRow {
  /** `I1`, `I2`…: the key the chart's legend uses. */
  key: string;
  name: string;
  baselinePeriod: string;
  baseline: number;
  latestQuarter?: string;
  latest?: number;
  change?: number;
  changeText: string;
  rag?: Rag;
  betterDirection: 'higher' | 'lower';
  /** % change from the baseline per quarter, in quarter order. */
  trend: { quarter: string; change: number }[];
}

export interface BoardReportDocument {
  planId: string;
  title: string;
  /** "2024/25 Q2 round, closed 19 Jul 2024" or "No round yet". */
  roundLine: string;
  asAt: string;
  priorities: BoardPriorityRow[];
  exceptions: BoardExceptionRow[];
  indicators: BoardIndicatorRow[];
  /** Actions linked to incidents: `2.4 ← SV-2027-0042 action 1.2`. */
  links: string[];
}
