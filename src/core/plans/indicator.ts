/**
 * Indicators of a Serious Violence Duty plan (seed 003's "Measures of
 * success"): a baseline over a stated period, a figure each quarter, the
 * percentage change from the baseline and a RAG for that change. Which way is
 * better belongs to the indicator (most are "Reduction in…", some count
 * referrals that should rise), so the same change can be green for one and
 * red for another. Pure arithmetic, no I/O.
 */
import type { Rag } from '../actions/rag.js';

export interface QuarterValue {
  /** How the plan names the quarter: `2024/25 Q1`. */
  quarter: string;
  value: number;
}

export interface Indicator {
  id: string;
  name: string;
  /** The baseline period as the plan states it: `01/01/23 to 31/03/24`. */
  baselinePeriod: string;
  baseline: number;
  /** True when a rise is an improvement; false for "Reduction in…" indicators. */
  higherIsBetter: boolean;
  /** Changes smaller than this many percent either way are amber ("no real change"). Default 5. */
  tolerancePercent?: number;
  quarters: QuarterValue[];
}

export const DEFAULT_TOLERANCE_PERCENT = 5;

/** The newest quarter's figure (the last one given), if any. */
export function latestValue(indicator: Indicator): QuarterValue | undefined {
  return indicator.quarters.at(-1);
}

/**
 * `(value − baseline) / baseline × 100`, to one decimal place. Undefined when
 * the baseline is 0: a change from nothing has no percentage.
 */
export function percentChange(baseline: number, value: number): number | undefined {
  if (baseline === 0) return undefined;
  return Math.round(((value - baseline) / Math.abs(baseline)) * 1000) / 10;
}

/**
 * Green when the figure moved the better way by at least the tolerance, red
 * when it moved the worse way by at least the tolerance, amber in between.
 * A zero baseline counts any rise or fall by its direction alone.
 */
export function changeRag(indicator: Indicator, value: number): Rag {
  const tolerance = indicator.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT;
  const change = percentChange(indicator.baseline, value);
  const signed = change ?? Math.sign(value - indicator.baseline) * Number.POSITIVE_INFINITY;
  const improvement = indicator.higherIsBetter ? signed : -signed;
  if (Number.isNaN(improvement) || Math.abs(improvement) < tolerance) return 'amber';
  return improvement > 0 ? 'green' : 'red';
}

export interface IndicatorSummary {
  indicator: Indicator;
  latest?: QuarterValue;
  change?: number;
  /** Absent until there is a quarterly figure. */
  rag?: Rag;
}

export function summariseIndicator(indicator: Indicator): IndicatorSummary {
  const latest = latestValue(indicator);
  if (!latest) return { indicator };
  const change = percentChange(indicator.baseline, latest.value);
  return {
    indicator,
    latest,
    ...(change === undefined ? {} : { change }),
    rag: changeRag(indicator, latest.value),
  };
}

/** `+12.5%`, `−3%`, `n/a` (zero baseline) — how reports print a change. */
export function formatChange(change: number | undefined): string {
  if (change === undefined) return 'n/a';
  if (change === 0) return '0%';
  return `${change > 0 ? '+' : '−'}${Math.abs(change)}%`;
}
