import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBoardReport } from '../../../src/app/plans/export-board-report.js';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { answerPlanRound, startPlanRound } from '../../../src/app/plans/plan-rounds.js';
import { runPlanRounds } from '../../../src/app/plans/run-plan-rounds.js';
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

describe('the indicator chart', () => {
  it('draws each indicator’s line in its own colour on a white background', async () => {
    const { renderIndicatorChart } = await import('../../../src/export/board-report-chart.js');
    const png = renderIndicatorChart(
      [
        {
          key: 'I1',
          name: 'Knife',
          baselinePeriod: '2023',
          baseline: 100,
          changeText: '+10%',
          betterDirection: 'lower',
          trend: [
            { quarter: 'Q1', change: -5 },
            { quarter: 'Q2', change: 10 },
          ],
        },
        {
          key: 'I2',
          name: 'Robbery',
          baselinePeriod: '2023',
          baseline: 50,
          changeText: '−20%',
          betterDirection: 'lower',
          trend: [{ quarter: 'Q1', change: -20 }],
        },
      ],
      'Test chart',
    );
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    const colours = new Set<string>();
    for (let y = 0; y < 540; y += 1) {
      for (let x = 0; x < 960; x += 1) {
        const i = y * (960 * 3 + 1) + 1 + x * 3;
        colours.add(`${raw[i]},${raw[i + 1]},${raw[i + 2]}`);
      }
    }
    expect(colours).toContain('255,255,255');
    expect(colours).toContain('31,119,180'); // I1
    expect(colours).toContain('214,39,40'); // I2
    expect(colours).toContain('40,40,40'); // axes and labels
  });
});
