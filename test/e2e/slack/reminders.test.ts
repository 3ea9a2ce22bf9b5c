/**
 * Reminders through the scheduler's tick, against Slack: a due reminder goes
 * to the incident channel and to its people directly, is marked sent only
 * once Slack accepted it, is not sent again on the next tick, and a send
 * Slack refused is retried on the next one.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { channelOf, type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

let h: Harness;
let incident: Incident;

beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
});
afterEach(async () => {
  await h.close();
});

const REMINDER = 'initial-meeting:before-48h';
/** Tue 31 Aug 2027 15:00 BST: 48 hours before the initial meeting is due (Thu 2 Sep 15:00). */
const FIRES_AT = '2027-08-31T14:00:00.000Z';

const reminderPosts = (conversation: string) =>
  h.fake.messages(conversation).filter((m) => m.text.includes('Initial Tactical Response Meeting'));
const reminderRow = async () =>
  (await h.muster.store.listReminders(incident.id)).find((r) => r.key === REMINDER)!;

it('sends a due reminder to the channel and the SIO and coordinators directly, once', async () => {
  h.clock.set(FIRES_AT);
  await h.muster.tickNow();

  expect(reminderPosts(channelOf(incident))).toHaveLength(1);
  expect(reminderPosts(h.fake.dmWith(USERS.sio.id)!.id)).toHaveLength(1);
  expect(reminderPosts(h.fake.dmWith(USERS.cara.id)!.id)).toHaveLength(1);
  expect((await reminderRow()).sentAt).toBe(FIRES_AT);

  h.clock.advance(60_000);
  await h.muster.tickNow();

  expect(reminderPosts(channelOf(incident))).toHaveLength(1);
  expect(reminderPosts(h.fake.dmWith(USERS.sio.id)!.id)).toHaveLength(1);
});

it('sends nothing before the reminder is due', async () => {
  h.clock.set('2027-08-31T13:59:00.000Z');
  await h.muster.tickNow();
  expect(reminderPosts(channelOf(incident))).toHaveLength(0);
});

it('marks a reminder sent only after Slack accepted it, and retries a refused send next tick', async () => {
  h.clock.set(FIRES_AT);
  h.fake.failNext('chat.postMessage', { error: 'ratelimited' }, 3);
  await h.muster.tickNow();

  const failed = await reminderRow();
  expect(failed.sentAt).toBeUndefined();
  expect(failed.attempts).toBe(1);

  h.clock.advance(60_000);
  await h.muster.tickNow();

  expect((await reminderRow()).sentAt).toBeDefined();
  expect(reminderPosts(channelOf(incident)).length).toBeGreaterThanOrEqual(1);
  expect(reminderPosts(h.fake.dmWith(USERS.sio.id)!.id).length).toBeGreaterThanOrEqual(1);
});
