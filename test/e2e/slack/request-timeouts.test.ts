/**
 * A Slack that stops answering, through the scheduler's tick: every attempt
 * at the reminder's post times out, so the tick fails it cleanly, the
 * reminder is released unsent, and the next tick sends it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { channelOf, type Harness, reportIncident, startHarness } from './slack-harness.js';

let h: Harness;
let incident: Incident;

beforeEach(async () => {
  h = await startHarness({ retries: 1, timeout: 200 });
  incident = await reportIncident(h);
});
afterEach(async () => {
  await h.close();
});

const REMINDER = 'initial-meeting:before-48h';
/** Tue 31 Aug 2027 15:00 BST: 48 hours before the initial meeting is due. */
const FIRES_AT = '2027-08-31T14:00:00.000Z';

const reminderRow = async () =>
  (await h.muster.store.listReminders(incident.id)).find((r) => r.key === REMINDER)!;

it('does not mark a reminder sent when Slack hangs past the time limit, and sends it next tick', async () => {
  h.clock.set(FIRES_AT);
  // Every post of this tick (channel and direct messages, each tried twice) is answered too late.
  const stop = h.fake.failWhen('chat.postMessage', () => ({ delayMs: 1_000 }));
  await h.muster.tickNow();
  stop();

  const failed = await reminderRow();
  expect(failed.sentAt).toBeUndefined();
  expect(failed.attempts).toBe(1);
  expect(failed.lastError).toBeDefined();

  h.clock.advance(60_000);
  await h.muster.tickNow();

  expect((await reminderRow()).sentAt).toBeDefined();
  const posts = h.fake
    .messages(channelOf(incident))
    .filter((m) => m.text.includes('Initial Tactical Response Meeting'));
  expect(posts.length).toBeGreaterThanOrEqual(1);
});
