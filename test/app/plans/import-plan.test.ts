import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkImportFiles, importPlan, PLAN_IMPORT_LIMITS } from '../../../src/app/plans/import-plan.js';
import { ErrorCode, isMusterError, type MusterError } from '../../../src/core/errors.js';
import type { Store } from '../../../src/ports.js';
import { STORES, testDeps } from '../harness.js';
import { COORDINATOR_REQUEST, fixture, workbookOf } from './plan-fixtures.js';

async function refusal(promise: Promise<unknown>): Promise<MusterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMusterError(error)) throw new Error(`expected a MusterError, got ${String(error)}`);
  return error;
}

describe.each(STORES)('importPlan ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
  });
  afterEach(async () => cleanup());

  it('imports seed 003’s action and indicator tables from CSV, yellow read as amber', async () => {
    const plan = await importPlan(testDeps(store), {
      planId: 'ashfield-2024',
      title: 'Reducing Serious Violence Response Plan',
      files: [await fixture('ashfield-actions.csv'), await fixture('ashfield-indicators.csv')],
      ...COORDINATOR_REQUEST,
    });
    expect(plan.priorities.map((p) => `${p.number} ${p.title}`)).toEqual([
      '1 Place and Priority-Based Focus',
      '2 System Approach',
      '4 Better use of information and data to inform decision making (Public Health Approach)',
    ]);
    expect(plan.actions.map((a) => `${a.number} ${a.rag}`)).toEqual([
      '1.1 red',
      '1.2 green',
      '1.3 amber',
      '2.1 red',
      '2.2 green',
      '4.1 amber',
    ]);
    const first = plan.actions[0]!;
    expect(first.owner).toEqual({ id: 'contact:pat-police', name: 'Pat Police', contactId: 'pat-police' });
    expect(first.leadAgency).toBe('Mansfield District Council (ADC)');
    expect(first.timescale).toBe('2024/25');
    expect(first.updates.map((u) => u.text)).toEqual(['Update required from MDC']);
    expect(plan.actions[4]!.description).toContain('· MARAC ( All partners)');
    expect(
      plan.indicators.map((i) => [i.name.slice(0, 30), i.baseline, i.higherIsBetter, i.quarters.length]),
    ).toEqual([
      ['Reduction in hospital admissio', 40, false, 2],
      ['Reduction in knife enabled vio', 120, false, 2],
      ['Reduction in knife enabled vio', 150, false, 2],
      ['Reduction in all non-domestic ', 0, false, 0],
    ]);
    expect(await store.getPlan('ashfield-2024')).toEqual(plan);
  });

  it('imports seed 004’s numbered actions and milestones, keeping the plan’s own numbers', async () => {
    const plan = await importPlan(testDeps(store), {
      planId: 'gateshead-2024',
      files: [await fixture('gateshead-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
    expect(plan.actions.map((a) => a.number)).toEqual(['1.1', '1.2', '1.3', '2.5', '2.6', '5.2']);
    expect(plan.actions[0]!.description.startsWith('All reports on this Action Plan')).toBe(true);
    expect(plan.actions[0]!.milestones).toEqual([
      'Reports in Aug/Sept at 6 months',
      'Reports in Jan/Feb at 12 months',
    ]);
    expect(plan.actions[1]!.milestones).toEqual([]);
    expect(plan.actions[1]!.owner.name).toBe('Head of Community Safety, DA Coordinator & Safeguarding Leads');
    expect(plan.priorities.map((p) => p.title)).toEqual([
      'CREATING STRONGER SYSTEMS TO ADDRESS SERIOUS VIOLENCE',
      'DATA, EVIDENCE AND EVALUATION',
      'COMMUNICATION, ENGAGEMENT AND REASSURANCE',
    ]);
  });

  it('imports the same tables from an XLSX workbook with actions and indicators on two sheets', async () => {
    const workbook = await workbookOf({
      Actions: 'ashfield-actions.csv',
      Indicators: 'ashfield-indicators.csv',
    });
    const plan = await importPlan(testDeps(store), {
      planId: 'ashfield-xlsx',
      files: [workbook],
      ...COORDINATOR_REQUEST,
    });
    expect(plan.actions).toHaveLength(6);
    expect(plan.actions[2]!.rag).toBe('amber');
    expect(plan.indicators[1]!.quarters).toEqual([
      { quarter: '2024/25 Q1', value: 126 },
      { quarter: '2024/25 Q2', value: 131 },
    ]);
  });

  it('reports every bad row with its number and reason, and imports nothing', async () => {
    const error = await refusal(
      importPlan(testDeps(store), {
        planId: 'bad',
        files: [await fixture('bad-rows.csv')],
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(error.code).toBe(ErrorCode.InvalidInput);
    expect(error.message).toContain('2 rows could not be read, so nothing was imported');
    expect(error.details).toEqual([
      { path: 'bad-rows.csv row 3', message: expect.stringContaining('"Purple" is not a RAG rating') },
      {
        path: 'bad-rows.csv row 4',
        message: expect.stringMatching(
          /priority "Place" should start with its number.*the Lead cell is empty/,
        ),
      },
    ]);
    expect(await store.listPlans()).toEqual([]);
  });

  it('reports bad indicator rows from the XLSX sheet by sheet name and row', async () => {
    const workbook = await workbookOf({
      Actions: 'ashfield-actions.csv',
      Indicators: 'ashfield-indicators.csv',
    });
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.content as unknown as ArrayBuffer);
    book.getWorksheet('Indicators')!.getRow(3).getCell(3).value = 'lots';
    book.getWorksheet('Indicators')!.getRow(4).getCell(1).value = 'Knife crime referrals';
    const broken = { filename: 'plan.xlsx', content: Buffer.from(await book.xlsx.writeBuffer()) };
    const error = await refusal(
      importPlan(testDeps(store), { planId: 'plan-x', files: [broken], ...COORDINATOR_REQUEST }),
    );
    expect(error.details).toEqual([
      { path: 'Indicators row 3', message: 'baseline "lots" is not a number' },
      { path: 'Indicators row 4', message: 'say in the Better column whether higher or lower is better' },
    ]);
    expect(await store.listPlans()).toEqual([]);
  });

  it('refuses a lead contact the directory does not know', async () => {
    const csv = 'Priority,Action,Lead,Lead contact\n1: Place,Tasking,Police,nobody-here\n';
    const error = await refusal(
      importPlan(testDeps(store), {
        planId: 'plan-x',
        files: [{ filename: 'p.csv', content: Buffer.from(csv) }],
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(error.details).toEqual([
      { path: 'p.csv row 2', message: 'lead contact "nobody-here" is not in the directory' },
    ]);
  });

  it('refuses someone who is not a coordinator, a file that is not CSV or XLSX, and a taken plan id', async () => {
    const files = [await fixture('gateshead-actions.csv')];
    const notCoordinator = await refusal(
      importPlan(testDeps(store), {
        planId: 'plan-g',
        files,
        by: { id: 'console:pat', name: 'Pat' },
        requester: { contactId: 'pat-police' },
      }),
    );
    expect(notCoordinator.message).toContain('Only CSP coordinators can import a plan');
    const wrongType = await refusal(
      importPlan(testDeps(store), {
        planId: 'plan-g',
        files: [{ filename: 'plan.pdf', content: Buffer.from('%PDF') }],
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(wrongType.details[0]?.path).toBe('file');
    await importPlan(testDeps(store), { planId: 'g1', files, ...COORDINATOR_REQUEST });
    const before = await store.getPlan('g1');
    const taken = await refusal(importPlan(testDeps(store), { planId: 'g1', files, ...COORDINATOR_REQUEST }));
    expect(taken.code).toBe(ErrorCode.Conflict);
    expect(await store.getPlan('g1')).toEqual(before);
    const badId = await refusal(
      importPlan(testDeps(store), { planId: 'Bad Name!', files, ...COORDINATOR_REQUEST }),
    );
    expect(badId.details[0]?.path).toBe('planId');
  });

  it('refuses more files than an import takes, or one too large, and stores nothing', async () => {
    const csv = await fixture('gateshead-actions.csv');
    const tooMany = await refusal(
      importPlan(testDeps(store), {
        planId: 'plan-g',
        files: Array.from({ length: PLAN_IMPORT_LIMITS.files + 1 }, () => csv),
        ...COORDINATOR_REQUEST,
      }),
    );
    expect(tooMany.details).toEqual([
      { path: 'file', message: 'attach at most 4 files (the actions and the indicators); 5 were attached' },
    ]);
    const huge = { filename: 'huge.csv', content: Buffer.alloc(PLAN_IMPORT_LIMITS.bytesPerFile + 1, 'a') };
    const tooLarge = await refusal(
      importPlan(testDeps(store), { planId: 'plan-g', files: [csv, huge], ...COORDINATOR_REQUEST }),
    );
    expect(tooLarge.message).toBe('huge.csv is too large to import.');
    expect(tooLarge.details[0]?.path).toBe('file');
    expect(await store.getPlan('plan-g')).toBeUndefined();
    // Exactly the limit is taken (the check says nothing of the content; the reader refuses it).
    expect(() =>
      checkImportFiles([{ filename: 'ok.csv', bytes: PLAN_IMPORT_LIMITS.bytesPerFile }]),
    ).not.toThrow();
  });
});
