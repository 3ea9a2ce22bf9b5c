/**
 * A strategic plan's quarterly round end to end on Slack: the plan is imported
 * (as the CLI would), the coordinator starts a round with `/plan`, the lead
 * gets a direct message, answers with `/plan update`, is chased the next
 * working day if not, sees who answered with `/plan round status`, and the
 * board report arrives as Word and Excel files.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importAshfieldPlan } from '../../app/plans/plan-fixtures.js';
import { runSlash } from './command-journeys.js';
import { type Harness, startHarness, USERS } from './slack-harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.clock.set('2024-07-01T10:00:00+01:00');
  await importAshfieldPlan(h.muster.deps, ['ashfield-actions.csv', 'ashfield-indicators.csv']);
});
afterEach(async () => {
  await h.close();
});

async function plan(text: string, user: string): Promise<string> {
  const { ack, replies } = await runSlash(h, '/plan', text, user);
  const body = ack ?? replies.at(-1)!;
  expect(body.response_type).toBe('ephemeral');
  return String(body.text);
}

const dmTexts = (user: string) =>
  h.fake.messages(h.fake.dmWith(user)?.id ?? '').map((m) => JSON.stringify(m));

it('runs a round from /plan: leads are asked and chased, answers are recorded, the report is uploaded', async () => {
  expect(await plan('round start ashfield-2024 2024/25 Q1 by 2024-07-05', USERS.pat.id)).toContain(
    'Only CSP coordinators can start an update round',
  );
  expect(await plan('round start ashfield-2024 2024/25 Q1 by 2024-07-05', USERS.cara.id)).toContain(
    '6 action leads were asked',
  );
  expect(dmTexts(USERS.pat.id).join('\n')).toContain('2024/25 Q1 update for action 1.1 of Ashfield plan');
  expect(dmTexts(USERS.sam.id).join('\n')).toContain('update for action 1.3');

  expect(await plan('update ashfield-2024 1.1 amber Adviser starts in August.', USERS.pat.id)).toBe(
    'Thanks: action 1.1 is now AMBER with your update.',
  );
  expect(await plan('update ashfield-2024 1.3 green Done.', USERS.pat.id)).toContain(
    'Only Sam School (the lead for 1.3) or a CSP coordinator can update it',
  );

  h.clock.set('2024-07-02T09:30:00+01:00');
  const samBefore = dmTexts(USERS.sam.id).length;
  await h.muster.tickNow();
  expect(dmTexts(USERS.sam.id).slice(samBefore).join('\n')).toContain(
    'Reminder: 2024/25 Q1 update for action 1.3',
  );
  expect(dmTexts(USERS.pat.id).join('\n')).not.toContain('Reminder: 2024/25 Q1 update for action 1.1');

  const status = await plan('round status ashfield-2024', USERS.cara.id);
  expect(status).toContain('1 of 6 answered');
  expect(status).toContain('1.1 Pat Police');
  expect(status).toContain('1.3 Sam School, reminded 1×');

  expect(await plan('export ashfield-2024', USERS.cara.id)).toContain('in your direct messages');
  expect(h.fake.uploads.map((u) => u.filename)).toEqual([
    'ashfield-2024-board-report-2024-07-02.docx',
    'ashfield-2024-board-report-2024-07-02.xlsx',
  ]);
});
