/**
 * The WebClient options Muster gives Slack's client, against the fake Slack:
 * an outage answer (503) and throttling (429, after its Retry-After) are
 * retried and the message posted once, and a request that hangs past the
 * time limit on every attempt fails cleanly (so a reminder is released, not
 * marked sent) instead of holding the caller forever.
 */
import { afterEach, expect, it } from 'vitest';
import type { SlackClientSettings } from '../../../../src/adapters/slack/platform/client-options.js';
import { noticeCard } from '../blocks/card-fixtures.js';
import { type Harness, platformHarness } from './platform-harness.js';

let h: Harness;
afterEach(() => h.close());

async function setUp(retry: SlackClientSettings) {
  h = await platformHarness({ retry });
  const channel = h.fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true });
  return { id: channel.id, name: channel.name };
}

it('posts once after a 503, on the retry', async () => {
  const space = await setUp({ retries: 2, minTimeout: 10, maxTimeout: 20 });
  h.fake.failNext('chat.postMessage', { status: 503 });

  await h.platform.sendNotice({ kind: 'space', space }, noticeCard());

  expect(h.fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([503, 200]);
  expect(h.fake.messages(space.id)).toHaveLength(1);
});

it('waits for the Retry-After Slack sends with a 429, then posts once', async () => {
  const space = await setUp({ retries: 1, minTimeout: 10, maxTimeout: 20 });
  h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
  const started = performance.now();

  await h.platform.sendNotice({ kind: 'space', space }, noticeCard());

  expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  expect(h.fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  expect(h.fake.messages(space.id)).toHaveLength(1);
});

it('fails cleanly, within its time limit and retries, when Slack never answers', async () => {
  const space = await setUp({ retries: 1, minTimeout: 10, maxTimeout: 20, timeout: 150 });
  h.fake.failNext('chat.postMessage', { delayMs: 2_000 }, 2);
  const started = performance.now();

  const error = await h.platform.sendNotice({ kind: 'space', space }, noticeCard()).catch((e: unknown) => e);

  expect(error).toMatchObject({ code: 'slack_webapi_request_error' });
  expect(performance.now() - started).toBeLessThan(1_500);
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
});
