import { beforeEach, describe, expect, it } from 'vitest';
import { parsePlanCommand } from '../../../src/app/plans/plan-command.js';
import { cardNotifier } from '../../../src/app/plans/plan-notifier.js';
import {
  type PlanCommandDeps,
  type PlanCommandRequest,
  runPlanCommand,
} from '../../../src/app/plans/run-plan-command.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { testDeps } from '../harness.js';
import { incidentWithLessons } from './lesson-fixtures.js';
import { COORDINATOR_REQUEST, fixture } from './plan-fixtures.js';

describe('parsePlanCommand', () => {
  it('reads each subcommand', () => {
    expect(parsePlanCommand('round start ashfield-2024 2024/25 Q2 by 2024-07-19')).toEqual({
      kind: 'round-start',
      planId: 'ashfield-2024',
      quarter: '2024/25 Q2',
      deadline: '2024-07-19',
    });
    expect(parsePlanCommand('update ashfield-2024 1.2 amber Adviser in post.')).toEqual({
      kind: 'update',
      planId: 'ashfield-2024',
      actionNumber: '1.2',
      rag: 'amber',
      text: 'Adviser in post.',
    });
    expect(parsePlanCommand('promote SV-2027-0042 1.2 into ashfield-2024 priority 3')).toEqual({
      kind: 'promote',
      reference: 'SV-2027-0042',
      actionNumber: '1.2',
      planId: 'ashfield-2024',
      priorityNumber: 3,
    });
    expect(
      parsePlanCommand('promote SV-2027-0042 lesson 2 into ashfield-2024 priority 4 lead police'),
    ).toEqual({
      kind: 'promote-lesson',
      reference: 'SV-2027-0042',
      lesson: 2,
      planId: 'ashfield-2024',
      priorityNumber: 4,
      leadAgency: 'police',
    });
    expect(parsePlanCommand('promote SV-2027-0042 Lesson 1')).toEqual({
      kind: 'promote-lesson',
      reference: 'SV-2027-0042',
      lesson: 1,
    });
    expect(parsePlanCommand('round status ashfield-2024')).toEqual({
      kind: 'round-status',
      planId: 'ashfield-2024',
    });
    expect(parsePlanCommand('')).toEqual({ kind: 'help' });
  });

  it('gives the usage line for a wrong shape', () => {
    expect(parsePlanCommand('round start ashfield-2024 Q2')).toMatchObject({
      kind: 'invalid',
      usage: '/plan round start <plan-id> <quarter> by <yyyy-mm-dd>',
    });
    expect(parsePlanCommand('promote SV-2027-0042 1.2 onto x')).toMatchObject({ kind: 'invalid' });
    for (const wrong of [
      'promote SV-2027-0042 lesson',
      'promote SV-2027-0042 lesson two',
      'promote SV-2027-0042 lesson 0',
    ]) {
      expect(parsePlanCommand(wrong)).toEqual({
        kind: 'invalid',
        problem: 'give the lesson’s number as the final report shows it',
        usage: '/plan promote <SV-2027-0042> lesson <n> [into <plan-id>] [priority <n>] [lead <agency>]',
      });
    }
    expect(parsePlanCommand('promote SV-2027-0042 lesson 2 onto x')).toMatchObject({
      kind: 'invalid',
      problem: '"onto x" is not understood',
    });
    expect(parsePlanCommand('frobnicate')).toMatchObject({
      kind: 'invalid',
      problem: '"frobnicate" is not a /plan command',
    });
  });
});

describe('runPlanCommand', () => {
  let deps: PlanCommandDeps;
  let platform: RecordingPlatform;

  beforeEach(() => {
    platform = new RecordingPlatform();
    const base = testDeps(new InMemoryStore(), '2024-07-01T10:00:00+01:00');
    deps = { ...base, platform, notifier: cardNotifier([platform], base.directory) };
  });

  const run = (
    text: string,
    who: Pick<PlanCommandRequest, 'by' | 'requester'> = COORDINATOR_REQUEST,
    files = [] as Awaited<ReturnType<typeof fixture>>[],
  ) => runPlanCommand(deps, { command: parsePlanCommand(text), ...who, files });

  it('imports, starts a round (leads get the update card), shows status, takes an update and uploads the report', async () => {
    const imported = await run('import ashfield-2024 Ashfield plan', COORDINATOR_REQUEST, [
      await fixture('ashfield-actions.csv'),
      await fixture('ashfield-indicators.csv'),
    ]);
    expect(imported.message).toContain('Imported Ashfield plan: 3 priorities, 6 actions, 4 indicators.');
    const started = await run('round start ashfield-2024 2024/25 Q1 by 2024-07-05');
    expect(started.message).toContain(
      '6 action leads were asked for progress and a RAG by Fri 5 Jul 2024 at 17:00',
    );
    expect(platform.planCards).toHaveLength(6);
    expect(platform.planCards[0]).toMatchObject({
      recipients: { contacts: [expect.objectContaining({ id: 'pat-police' })] },
      card: { headline: '2024/25 Q1 update for action 1.1 of Ashfield plan' },
    });
    const pat = {
      by: { id: 'contact:pat-police', name: 'Pat Police', contactId: 'pat-police' },
      requester: {},
    };
    expect((await run('update ashfield-2024 1.1 amber Adviser starts in August.', pat)).message).toBe(
      'Thanks: action 1.1 is now AMBER with your update.',
    );
    const status = await run('round status ashfield-2024');
    expect(status.message).toContain(
      '2024/25 Q1 round of ashfield-2024, open until Fri 5 Jul 2024 at 17:00: 1 of 6 answered.',
    );
    expect(status.message).toContain('• 1.1 Pat Police (Mon 1 Jul)');
    expect(status.message).toContain('• 1.3 Sam School');
    expect((await run('export ashfield-2024')).message).toContain('in your direct messages');
    expect(platform.uploads[0]?.files.map((f) => f.filename)).toEqual([
      'ashfield-2024-board-report-2024-07-01.docx',
      'ashfield-2024-board-report-2024-07-01.xlsx',
    ]);
    expect((await run('list')).message).toBe(
      '• ashfield-2024 — Ashfield plan: 6 actions, 2024/25 Q1 round open',
    );
  });

  it('promotes a lesson of the final report into the only plan, and says when there are no lessons yet', async () => {
    await run('import ashfield-2024 Ashfield plan', COORDINATOR_REQUEST, [
      await fixture('ashfield-actions.csv'),
    ]);
    await deps.store.createIncident(incidentWithLessons({ reference: 'SV-2027-0042' }));
    await deps.store.createIncident(makeIncident({ reference: 'SV-2027-0043' }));

    expect((await run('promote SV-2027-0042 lesson 1 priority 2')).message).toBe(
      'Lesson 1 of SV-2027-0042 is now action 2.3 of Ashfield plan; the link is kept on both sides.',
    );
    expect(await run('promote SV-2027-0043 lesson 1')).toMatchObject({
      refused: true,
      message: expect.stringContaining('SV-2027-0043 has held no final meeting yet'),
    });
    expect((await run('help')).message).toContain('/plan promote <SV-2027-0042> lesson <n>');
  });

  it('answers refusals and bad input as a message, changing nothing', async () => {
    await run('import ashfield-2024', COORDINATOR_REQUEST, [await fixture('ashfield-actions.csv')]);
    const before = await deps.store.getPlan('ashfield-2024');
    const notMine = await run('round start ashfield-2024 Q1 by 2024-07-05', {
      by: { id: 'contact:pat-police', name: 'Pat Police', contactId: 'pat-police' },
      requester: { contactId: 'pat-police' },
    });
    expect(notMine).toMatchObject({
      refused: true,
      message: expect.stringContaining('Only CSP coordinators'),
    });
    expect(await run('update ashfield-2024 1.1 purple x')).toMatchObject({
      refused: true,
      message: expect.stringContaining('"purple" is not a RAG rating'),
    });
    expect(await run('export nope')).toMatchObject({
      refused: true,
      message: expect.stringContaining('There is no plan "nope". Plans: ashfield-2024.'),
    });
    expect(await run('round start ashfield-2024 Q1')).toMatchObject({
      refused: true,
      message: expect.stringContaining('Usage: /plan round start'),
    });
    expect(await deps.store.getPlan('ashfield-2024')).toEqual(before);
    expect(platform.planCards).toEqual([]);
  });
});
