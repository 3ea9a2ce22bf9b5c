/**
 * Teams having a bad minute, through the whole process: a throttled or
 * failing connector and Graph are retried within the call, so the incident
 * opens and the reminder goes out on time; a reminder post that gets no
 * answer before the time limit is not repeated (Teams may have posted it)
 * and not marked sent, so the next tick sends it: at least once, never lost.
 */
import { afterEach, expect, it } from 'vitest';
import { type Harness, reportIncident, spaceOf, startHarness } from './teams-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const REMINDER = 'initial-meeting:before-48h';
/** Tue 31 Aug 2027 15:00 BST: 48 hours before the initial meeting is due. */
const FIRES_AT = '2027-08-31T14:00:00.000Z';

const reminderRow = async (harness: Harness, incidentId: string) =>
  (await harness.muster.store.listReminders(incidentId)).find((r) => r.key === REMINDER)!;
const reminderPosts = (harness: Harness, conversation: string) =>
  harness.connector
    .messages(conversation)
    .filter((m) => String(m.activity.summary).startsWith('Initial Tactical Response Meeting due in'));

it('opens the incident when Graph answers 500 and then 502 while its channel is made', async () => {
  h = await startHarness();
  const channels = `/teams/${h.graph.teamId}/channels`;
  h.graph.failNext(channels, 500, 1);
  h.graph.failNext(channels, 502, 1);

  const incident = await reportIncident(h);

  // The channel list read before creating one failed twice; the channel was then made once.
  expect(h.graph.calls().filter((c) => c.endsWith(channels))).toEqual([
    `GET ${channels}`,
    `GET ${channels}`,
    `GET ${channels}`,
    `POST ${channels}`,
  ]);
  expect(h.graph.channel(spaceOf(incident))).toBeDefined();
  expect(h.connector.messages(spaceOf(incident)).length).toBeGreaterThan(0);
});

it('marks the reminder sent on the same tick when the connector throttled it first', async () => {
  h = await startHarness();
  const incident = await reportIncident(h);
  h.clock.set(FIRES_AT);
  h.connector.failNext('post', 429, 2, { 'Retry-After': '1' });

  await h.muster.tickNow();

  expect((await reminderRow(h, incident.id)).sentAt).toBe(FIRES_AT);
  expect(reminderPosts(h, spaceOf(incident))).toHaveLength(1);
});

it('does not mark a reminder sent when a post got no answer in time, and sends it on the next tick', async () => {
  h = await startHarness({ retry: { timeoutMs: 300 } });
  const incident = await reportIncident(h);
  h.clock.set(FIRES_AT);
  h.connector.delayNext('post', 1_500);
  const before = h.connector.requests.length;

  await h.muster.tickNow();

  const failed = await reminderRow(h, incident.id);
  expect(failed.sentAt).toBeUndefined();
  expect(failed.attempts).toBe(1);
  expect(failed.lastError).toContain('did not answer POST');
  // Nothing was posted twice within the tick: the post that hung was not repeated.
  const posted = h.connector.requests
    .slice(before)
    .filter((r) => r.method === 'POST' && r.path.endsWith('/activities'));
  expect(posted.length).toBeGreaterThan(1);
  expect(new Set(posted.map((r) => r.path)).size).toBe(posted.length);

  h.clock.advance(60_000);
  await h.muster.tickNow();

  expect((await reminderRow(h, incident.id)).sentAt).toBeDefined();
  expect(reminderPosts(h, spaceOf(incident)).length).toBeGreaterThanOrEqual(1);
});
