/**
 * People from Slack: one `users.info` per person while the answer is fresh,
 * shared by concurrent asks, and the bare id (never a failure) when Slack
 * cannot be asked.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  SlackPeople,
  slackActorId,
  slackUserId,
} from '../../../../src/adapters/slack/access/slack-people.js';
import { type FakeSlack, startFakeSlack } from '../../../fakes/fake-slack/index.js';

let fake: FakeSlack;
let client: webApi.WebClient;
let now = 0;

beforeEach(async () => {
  fake = await startFakeSlack({
    users: [{ id: 'U1', email: 'pat@police.example', name: 'pat', realName: 'Pat Police' }],
  });
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  now = 0;
});
afterEach(async () => {
  await fake.close();
});

it('qualifies and unqualifies ids', () => {
  expect(slackActorId('U1')).toBe('slack:U1');
  expect(slackActorId('slack:U1')).toBe('slack:U1');
  expect(slackUserId('slack:U1')).toBe('U1');
});

it('asks Slack once per person, shares concurrent asks, and asks again when the answer is stale', async () => {
  const people = new SlackPeople(client, { ttlMs: 1000, now: () => now });
  const [a, b] = await Promise.all([people.lookup('U1'), people.lookup('slack:U1')]);
  expect(a).toEqual({
    actor: { id: 'slack:U1', name: 'Pat Police' },
    email: 'pat@police.example',
    known: true,
  });
  expect(b).toEqual(a);
  expect(people.cached('U1')).toEqual(a);
  expect(fake.callsTo('users.info')).toHaveLength(1);

  now = 1001;
  expect(people.cached('U1', 'pat').known).toBe(false);
  await people.lookup('U1');
  expect(fake.callsTo('users.info')).toHaveLength(2);
});

it('falls back to the name it was given, or the id, when Slack fails', async () => {
  const failures: string[] = [];
  const people = new SlackPeople(client, { onError: (id) => failures.push(id) });
  fake.failNext('users.info', { status: 500 });

  expect(await people.actor('U1', 'pat')).toEqual({ id: 'slack:U1', name: 'pat' });
  expect(await people.actor('U404')).toEqual({ id: 'slack:U404', name: 'U404' });
  expect(failures).toEqual(['U1', 'U404']);
  // A failure is not remembered: the next ask tries Slack again.
  expect((await people.lookup('U1')).known).toBe(true);
});
