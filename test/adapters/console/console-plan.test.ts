/**
 * `/plan` in the console's composer: answered to the person alone, the same
 * use cases as Slack and Teams; leads are asked in their direct messages.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { COORDINATOR_REQUEST, fixture } from '../../app/plans/plan-fixtures.js';
import { type ConsoleHarness, startConsole } from './console-harness.js';

const COMMAND = '/console/api/command';
let h: ConsoleHarness;

beforeEach(async () => {
  h = await startConsole();
  await importPlan(h.deps, {
    planId: 'ashfield-2024',
    title: 'Ashfield plan',
    files: [await fixture('ashfield-actions.csv')],
    ...COORDINATOR_REQUEST,
  });
});
afterEach(() => h.close());

const plan = async (text: string, as: string) => {
  const { status, body } = await h.post(COMMAND, { channelId: 'coordination', text: `/plan ${text}` }, as);
  expect(status).toBe(200);
  return body.reply as { text: string; ephemeralFor: string };
};

it('starts a round, asks the leads in their direct messages and takes an answer', async () => {
  const started = await plan('round start ashfield-2024 2027/28 Q2 by 2027-09-03', 'cara-csp');
  expect(started).toMatchObject({ ephemeralFor: 'cara-csp' });
  expect(started.text).toContain(
    '6 action leads were asked for progress and a RAG by Fri 3 Sep 2027 at 17:00',
  );
  const dm = await h.get('/console/api/messages?channel=dm-pat-police', 'pat-police');
  expect(JSON.stringify(dm.body)).toContain('2027/28 Q2 update for action 1.1 of Ashfield plan');

  expect((await plan('update ashfield-2024 1.1 green Adviser in post.', 'pat-police')).text).toBe(
    'Thanks: action 1.1 is now GREEN with your update.',
  );
  expect((await plan('round status ashfield-2024', 'pat-police')).text).toContain('1 of 6 answered');
  // Without a file attached (console-plan-import.test.ts attaches them).
  expect((await plan('import other-plan', 'cara-csp')).text).toMatch(
    /^Attach the plan as a \.csv or \.xlsx file\./,
  );
  expect((await plan('update ashfield-2024 1.1 purple x', 'pat-police')).text).toContain(
    '"purple" is not a RAG rating',
  );
});
