import { createCanvas, loadImage } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBoardReport } from '../../../src/app/plans/export-board-report.js';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { answerPlanRound, startPlanRound } from '../../../src/app/plans/plan-rounds.js';
import { runPlanRounds } from '../../../src/app/plans/run-plan-rounds.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartSeries,
  renderIndicatorChart,
} from '../../../src/export/board-report-chart.js';
import { BOARD_SHEETS } from '../../../src/export/board-report-xlsx.js';
import type { Store } from '../../../src/ports.js';
import { wordText, zipText } from '../../export/zip.js';
import { STORES, testDeps } from '../harness.js';
import { COORDINATOR_REQUEST, fixture } from './plan-fixtures.js';

const PAT = { by: { id: 'contact:pat-police', name: 'Pat Police', contactId: 'pat-police' }, requester: {} };

describe.each(STORES)('exportBoardReport ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
  });
  afterEach(async () => cleanup());

  async function reportFiles() {
    const deps = {
      ...testDeps(store, '2024-07-01T10:00:00+01:00'),
      notifier: { askForUpdate: async () => {} },
    };
    await importPlan(deps, {
      planId: 'ashfield-2024',
      title: 'Ashfield and Mansfield SV response plan',
      files: [await fixture('ashfield-actions.csv'), await fixture('ashfield-indicators.csv')],
      ...COORDINATOR_REQUEST,
    });
    await startPlanRound(deps, {
      planId: 'ashfield-2024',
      quarter: '2024/25 Q1',
      deadline: '2024-07-05',
      ...COORDINATOR_REQUEST,
    });
    deps.clock.set('2024-07-02T11:00:00+01:00');
    await answerPlanRound(deps, {
      planId: 'ashfield-2024',
      actionNumber: '1.1',
      rag: 'amber',
      text: 'Funding agreed; adviser starts in August.',
      ...PAT,
    });
    deps.clock.set('2024-07-05T17:30:00+01:00');
    await runPlanRounds(deps);
    return exportBoardReport(deps, 'ashfield-2024');
  }

  it('writes a DOCX with RAG counts per priority, exceptions with their latest update, indicators and a chart', async () => {
    const { files, report } = await reportFiles();
    expect(files.map((f) => f.filename)).toEqual([
      'ashfield-2024-board-report-2024-07-05.docx',
      'ashfield-2024-board-report-2024-07-05.xlsx',
    ]);
    expect(report.priorities.map((p) => [p.number, p.red, p.amber, p.green])).toEqual([
      [1, 0, 2, 1],
      [2, 1, 0, 1],
      [4, 0, 1, 0],
    ]);
    const text = wordText(zipText(files[0]!.content, 'word/document.xml'));
    expect(text).toContain('Board report — Ashfield and Mansfield SV response plan');
    expect(text).toContain('2024/25 Q1 round, closed 5 Jul 2024');
    expect(text).toContain('1. Place and Priority-Based Focus 0 2 1');
    expect(text).toMatch(/2\.1 Review of sharing agreements.* Red Ongoing review required/);
    expect(text).toContain('Funding agreed; adviser starts in August. (2 Jul 2024, Pat Police)');
    expect(text.indexOf('2.1 Review')).toBeLessThan(text.indexOf('1.1 Public Health')); // red before amber
    expect(text).toContain(
      'Reduction in hospital admissions for assaults with a knife/sharp object. 40 (01/01/23 to 31/03/24) 30 (2024/25 Q2) −25% Green',
    );
    expect(text).toContain(
      'Reduction in knife enabled violence (Ashfield) 120 (01/01/23 to 31/03/24) 131 (2024/25 Q2) +9.2% Red',
    );
    expect(text).toContain(
      'Reduction in knife enabled violence (Mansfield) 150 (01/01/23 to 31/03/24) 148 (2024/25 Q2) −1.3% Amber',
    );
    expect(text).toContain(
      'Reduction in all non-domestic homicides (Ashfield) 0 (01/01/23 to 31/03/24) No figure yet',
    );

    const zip = unzipSync(new Uint8Array(files[0]!.content));
    const media = Object.keys(zip).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = Buffer.from(zip[media[0]!]!);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([960, 540]);
  });

  it('writes an XLSX whose cells hold the counts, exceptions and indicator figures', async () => {
    const { files } = await reportFiles();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(files[1]!.content as unknown as ArrayBuffer);
    const summary = book.getWorksheet(BOARD_SHEETS.summary)!;
    expect(summary.getRow(3).values).toEqual([undefined, '2. System Approach', 1, 0, 1]);
    const exceptions = book.getWorksheet(BOARD_SHEETS.exceptions)!;
    expect(exceptions.getColumn(1).values.slice(2)).toEqual(['2.1', '1.1', '1.3', '4.1']);
    expect(exceptions.getRow(3).getCell(5).value).toBe('Funding agreed; adviser starts in August.');
    expect(exceptions.getRow(2).getCell(4).value).toBe('Red');
    const indicators = book.getWorksheet(BOARD_SHEETS.indicators)!;
    expect(indicators.getRow(3).values).toEqual([
      undefined,
      'I2',
      'Reduction in knife enabled violence (Ashfield)',
      '01/01/23 to 31/03/24',
      120,
      '2024/25 Q2',
      131,
      0.092,
      'Red',
      'lower',
    ]);
  });
});

const INDICATORS = [
  {
    key: 'I1',
    name: 'Knife crime with injury',
    baselinePeriod: '2023',
    baseline: 100,
    changeText: '+10%',
    betterDirection: 'lower' as const,
    trend: [
      { quarter: '2024/25 Q1', change: -5 },
      { quarter: '2024/25 Q2', change: 10 },
    ],
  },
  {
    key: 'I2',
    name: 'Robbery',
    baselinePeriod: '2023',
    baseline: 50,
    changeText: '−20%',
    betterDirection: 'lower' as const,
    // No Q1 figure: the line is bridged from the baseline, not dropped to zero.
    trend: [{ quarter: '2024/25 Q2', change: -20 }],
  },
];

/** The PNG decoded by the same Skia that drew it: its size and how many pixels have each colour. */
async function pixels(png: Buffer): Promise<{ width: number; height: number; colours: Map<string, number> }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const colours = new Map<string, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
    colours.set(key, (colours.get(key) ?? 0) + 1);
  }
  return { width: image.width, height: image.height, colours };
}

describe('the indicator chart (Chart.js on a server-side canvas)', () => {
  it('is a PNG of the chart size, on white, with each indicator’s line in its own colour', async () => {
    const png = renderIndicatorChart(INDICATORS, 'Test chart');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the chunk's length and type.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);

    const { width, height, colours } = await pixels(png);
    expect([width, height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(colours.get('255,255,255') ?? 0).toBeGreaterThan((width * height) / 2);
    // Lines 3 px wide over several hundred pixels: far more than anti-aliasing strays.
    expect(colours.get('31,119,180') ?? 0).toBeGreaterThan(500); // I1
    expect(colours.get('214,39,40') ?? 0).toBeGreaterThan(500); // I2
    expect(colours.get('44,160,44') ?? 0).toBe(0); // no third indicator
  });

  it('changes when the figures change, and bridges a missing quarter', async () => {
    const one = renderIndicatorChart(INDICATORS, 'Test chart');
    const other = renderIndicatorChart(
      [{ ...INDICATORS[0]!, trend: [{ quarter: '2024/25 Q1', change: 30 }] }, INDICATORS[1]!],
      'Test chart',
    );
    expect(one.equals(other)).toBe(false);
    expect(chartSeries(INDICATORS)).toEqual({
      labels: ['Baseline', '2024/25 Q1', '2024/25 Q2'],
      series: [
        { label: 'I1 Knife crime with injury', values: [0, -5, 10] },
        { label: 'I2 Robbery', values: [0, null, -20] },
      ],
    });
  });
});
