/**
 * The board report's indicator trend chart: % change from baseline for each
 * indicator, quarter by quarter, on one set of axes (the baseline is the
 * first point, at 0%), with a legend keyed I1, I2… to the indicator table.
 *
 * Drawn by Chart.js on a server-side canvas (`@napi-rs/canvas`: Skia, whose
 * native part npm installs per platform, no build step), then encoded as the
 * PNG the DOCX embeds. Text uses the system's sans-serif font; the container
 * image installs one (Dockerfile).
 */
import { createCanvas } from '@napi-rs/canvas';
import {
  Chart,
  type ChartConfiguration,
  type ChartItem,
  type Plugin,
  registerables,
  type ScriptableScaleContext,
} from 'chart.js';
import type { BoardIndicatorRow } from './board-report-model.js';

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

/** One colour per indicator, in legend order (Chart.js' own palette is too pale for print). */
export const CHART_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;
const INK = '#282828';
const GRID = '#e1e1e1';

Chart.register(...registerables);

export interface ChartSeries {
  label: string;
  /** y for each label in `labels` (index 0 is the baseline); null where the quarter has no figure. */
  values: (number | null)[];
}

/** The chart's x labels ("Baseline", then every quarter any indicator has, in order) and one series per indicator. */
export function chartSeries(indicators: readonly BoardIndicatorRow[]): {
  labels: string[];
  series: ChartSeries[];
} {
  const quarters: string[] = [];
  for (const ind of indicators) {
    for (const t of ind.trend) if (!quarters.includes(t.quarter)) quarters.push(t.quarter);
  }
  const series = indicators.map((ind) => ({
    label: `${ind.key} ${ind.name}`,
    values: [0, ...quarters.map((q) => ind.trend.find((t) => t.quarter === q)?.change ?? null)],
  }));
  return { labels: ['Baseline', ...quarters], series };
}

/** Paints the canvas white first: a PNG is transparent by default, and Word shows that as the page colour. */
const whiteBackground: Plugin<'line'> = {
  id: 'muster-white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export function renderIndicatorChart(indicators: readonly BoardIndicatorRow[], title: string): Buffer {
  const { labels, series } = chartSeries(indicators);
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const config: ChartConfiguration<'line', (number | null)[], string> = {
    type: 'line',
    data: {
      labels,
      datasets: series.map((s, i) => {
        const colour = CHART_PALETTE[i % CHART_PALETTE.length]!;
        return {
          label: s.label,
          data: s.values,
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: 3,
          pointRadius: 4,
          // A quarter with no figure is bridged, not dropped to zero.
          spanGaps: true,
        };
      }),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      color: INK,
      font: { family: "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif", size: 14 },
      layout: { padding: 16 },
      plugins: {
        title: { display: true, text: title, color: INK, font: { size: 20, weight: 'bold' } },
        legend: { position: 'right', labels: { color: INK, boxWidth: 18 } },
      },
      scales: {
        x: { ticks: { color: INK }, grid: { color: GRID } },
        y: {
          title: { display: true, text: '% change from baseline', color: INK },
          ticks: { color: INK, callback: (v) => `${Number(v) > 0 ? '+' : ''}${v}%` },
          grid: { color: (c: ScriptableScaleContext) => (c.tick.value === 0 ? INK : GRID) },
        },
      },
    },
    plugins: [whiteBackground],
  };
  // Chart.js takes any 2D context shaped like the browser's; Skia's is.
  const chart = new Chart(canvas.getContext('2d') as unknown as ChartItem, config);
  try {
    chart.draw();
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
