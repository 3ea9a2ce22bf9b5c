/**
 * Reminders through the scheduler's tick, on Teams: a due reminder is posted
 * proactively into the incident's channel and into the SIO's and the
 * coordinator's one-to-one chats with the bot (made by Muster for those who
 * never wrote to it), marked sent only once Teams accepted it, not sent
 * again, and retried on the next tick when the connector refused it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { dmOf, type Harness, reportIncident, spaceOf, startHarness, USERS } from './teams-harness.js';

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

const reminderPosts = (conversation: string | undefined) =>
  conversation === undefined
    ? []
    : h.connector
        .messages(conversation)
        .filter((m) => String(m.activity.summary).startsWith('Initial Tactical Response Meeting due in'));
const reminderRow = async () =>
  (await h.muster.store.listReminders(incident.id)).find((r) => r.key === REMINDER)!;

it('posts a due reminder into the channel and to the SIO and the coordinator directly, once', async () => {
  h.clock.set(FIRES_AT);
  await h.muster.tickNow();

  expect(reminderPosts(spaceOf(incident))).toHaveLength(1);
  // Pat (the SIO) wrote to the bot, so his own chat is used; Cara never did, so Muster made hers.
  expect(reminderPosts(dmOf(USERS.pat))).toHaveLength(1);
  expect(reminderPosts(h.connector.personalChats.get(USERS.cara.aadObjectId))).toHaveLength(1);
  expect((await reminderRow()).sentAt).toBe(FIRES_AT);

  h.clock.advance(60_000);
  await h.muster.tickNow();

  expect(reminderPosts(spaceOf(incident))).toHaveLength(1);
  expect(reminderPosts(dmOf(USERS.pat))).toHaveLength(1);
});

it('sends nothing before the reminder is due', async () => {
  h.clock.set('2027-08-31T13:59:00.000Z');
  await h.muster.tickNow();
  expect(reminderPosts(spaceOf(incident))).toHaveLength(0);
});

it('marks a reminder sent only after Teams accepted it, and retries a refused send next tick', async () => {
  h.clock.set(FIRES_AT);
  // An outage that outlasts the connector retries of this tick.
  h.connector.failNext('post', 503, 100);
  await h.muster.tickNow();

  const failed = await reminderRow();
  expect(failed.sentAt).toBeUndefined();
  expect(failed.attempts).toBe(1);
  expect(reminderPosts(spaceOf(incident))).toHaveLength(0);

  h.connector.clearFailures();
  h.clock.advance(60_000);
  await h.muster.tickNow();

  expect((await reminderRow()).sentAt).toBeDefined();
  expect(reminderPosts(spaceOf(incident))).toHaveLength(1);
});
