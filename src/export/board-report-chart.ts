/**
 * The board report's indicator trend chart: % change from baseline for each
 * indicator, quarter by quarter, on one set of axes (a zero line marks the
 * baseline), with tick labels, quarter labels and a legend keyed I1, I2… to
 * the indicator table. Rendered to PNG on the server (see board-report-png.ts).
 */
import type { BoardIndicatorRow } from './board-report-model.js';
import { Raster, type Rgb, textWidth } from './board-report-png.js';

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

const PALETTE: Rgb[] = [
  [31, 119, 180],
  [214, 39, 40],
  [44, 160, 44],
  [255, 127, 14],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
];
const INK: Rgb = [40, 40, 40];
const GRID: Rgb = [225, 225, 225];

export interface ChartSeries {
  label: string;
  points: { x: number; y: number }[];
}

/** The series the chart draws: x is the quarter's position (0 = baseline), y the % change. */
export function chartSeries(indicators: readonly BoardIndicatorRow[]): {
  quarters: string[];
  series: ChartSeries[];
} {
  const quarters: string[] = [];
  for (const ind of indicators) {
    for (const t of ind.trend) if (!quarters.includes(t.quarter)) quarters.push(t.quarter);
  }
  const series = indicators.map((ind) => ({
    label: ind.key,
    points: [{ x: 0, y: 0 }, ...ind.trend.map((t) => ({ x: quarters.indexOf(t.quarter) + 1, y: t.change }))],
  }));
  return { quarters, series };
}

export function renderIndicatorChart(indicators: readonly BoardIndicatorRow[], title: string): Buffer {
  const { quarters, series } = chartSeries(indicators);
  const png = new Raster(CHART_WIDTH, CHART_HEIGHT);
  const plot = { left: 110, right: CHART_WIDTH - 150, top: 60, bottom: CHART_HEIGHT - 80 };
  png.text(plot.left, 20, title, INK, 2);

  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const { min, max, step } = niceRange(Math.min(0, ...ys), Math.max(0, ...ys));
  const yAt = (v: number) => plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);
  const columns = Math.max(quarters.length, 1);
  const xAt = (i: number) => plot.left + (i / columns) * (plot.right - plot.left);

  for (let v = min; v <= max + 1e-9; v += step) {
    const y = yAt(v);
    png.line(plot.left, y, plot.right, y, v === 0 ? INK : GRID, 1, v === 0 ? 6 : 0);
    const label = `${v > 0 ? '+' : ''}${round(v)}%`;
    png.text(plot.left - 10 - textWidth(label), y - 7, label, INK, 2);
  }
  png.line(plot.left, plot.top, plot.left, plot.bottom, INK, 2);
  png.line(plot.left, plot.bottom, plot.right, plot.bottom, INK, 2);
  ['Baseline', ...quarters].forEach((label, i) => {
    const x = xAt(i);
    png.line(x, plot.bottom, x, plot.bottom + 6, INK, 2);
    png.text(x - textWidth(label, 1) / 2, plot.bottom + 14, label, INK, 1);
  });
  png.text(plot.left, CHART_HEIGHT - 30, '% CHANGE FROM BASELINE, BY QUARTER', INK, 1);

  series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    s.points.forEach((p, j) => {
      const prev = s.points[j - 1];
      if (prev) png.line(xAt(prev.x), yAt(prev.y), xAt(p.x), yAt(p.y), colour, 3);
      png.fillRect(xAt(p.x) - 4, yAt(p.y) - 4, 9, 9, colour);
    });
    const ly = plot.top + i * 24;
    png.fillRect(plot.right + 20, ly + 2, 18, 10, colour);
    png.text(plot.right + 46, ly, s.label, INK, 2);
  });
  return png.encodePng();
}

function niceRange(low: number, high: number): { min: number; max: number; step: number } {
  const span = Math.max(high - low, 10);
  const raw = span / 6;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw) as number;
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step || step, step };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
