/**
 * Failures injected into the fake Slack, seen through the real `WebClient`:
 * each must look to the client exactly like the matching Slack failure, and
 * normal answers must resume afterwards.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.js';

let fake: FakeSlack;
let channelId: string;

function clientWith(options: Partial<webApi.WebClientOptions> = {}): webApi.WebClient {
  return new webApi.WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
    ...options,
  });
}

beforeEach(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U1', email: 'alice@example.org', name: 'alice' }] });
  channelId = fake.addChannel({ name: 'inc-001', isPrivate: true }).id;
});

afterEach(async () => {
  await fake.close();
});

describe('fake Slack failure injection', () => {
  it('fails the next call with a Slack error, changes nothing, then answers normally', async () => {
    const client = clientWith();
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });

    await expect(client.chat.postMessage({ channel: channelId, text: 'first' })).rejects.toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { ok: false, error: 'channel_not_found' },
    });
    await client.chat.postMessage({ channel: channelId, text: 'second' });

    expect(fake.messages(channelId).map((message) => message.text)).toEqual(['second']);
    expect(fake.callsTo('chat.postMessage').map((call) => call.error)).toEqual([
      'channel_not_found',
      undefined,
    ]);
  });

  it('fails as many times as asked', async () => {
    const client = clientWith();
    fake.failNext('conversations.info', { error: 'internal_error' }, 2);

    await expect(client.conversations.info({ channel: channelId })).rejects.toThrow();
    await expect(client.conversations.info({ channel: channelId })).rejects.toThrow();
    await expect(client.conversations.info({ channel: channelId })).resolves.toMatchObject({ ok: true });
  });

  it('answers HTTP 500, which the client retries when its retryConfig allows', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    await expect(clientWith().chat.postMessage({ channel: channelId, text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.HTTPError,
      statusCode: 500,
    });

    fake.failNext('chat.postMessage', { status: 500 });
    const retrying = clientWith({ retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    await retrying.chat.postMessage({ channel: channelId, text: 'y' });
    expect(fake.callsTo('chat.postMessage').map((call) => call.status)).toEqual([500, 500, 200]);
    expect(fake.messages(channelId)).toHaveLength(1);
  });

  it('rate-limits with HTTP 429 and a Retry-After the client waits out', async () => {
    fake.failNext('conversations.invite', { status: 429, retryAfter: 1 });
    const client = clientWith({ retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const started = performance.now();

    await client.conversations.invite({ channel: channelId, users: 'U1' });

    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo('conversations.invite').map((call) => call.status)).toEqual([429, 200]);
    expect(fake.channel(channelId)?.members.has('U1')).toBe(true);
  });

  it('rejects a rate-limited call at once when the client is told to', async () => {
    fake.failNext('conversations.invite', { status: 429, retryAfter: 30 });
    const client = clientWith({ rejectRateLimitedCalls: true });
    await expect(client.conversations.invite({ channel: channelId, users: 'U1' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 30,
    });
  });

  it('answers late but still does the work, so a timed-out client can double-post', async () => {
    fake.failNext('chat.postMessage', { delayMs: 2_000 });
    const client = clientWith({ timeout: 100 });

    await expect(client.chat.postMessage({ channel: channelId, text: 'slow' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RequestError,
    });
    expect(fake.messages(channelId).map((message) => message.text)).toEqual(['slow']);
  });

  it('fails only the calls a predicate picks, until the rule is lifted', async () => {
    const client = clientWith();
    const lift = fake.failWhen('chat.postMessage', (args) =>
      String(args.text).includes('secret') ? { error: 'restricted_action' } : undefined,
    );

    await expect(client.chat.postMessage({ channel: channelId, text: 'secret plan' })).rejects.toMatchObject({
      data: { error: 'restricted_action' },
    });
    await client.chat.postMessage({ channel: channelId, text: 'public plan' });
    lift();
    await client.chat.postMessage({ channel: channelId, text: 'secret plan' });

    expect(fake.messages(channelId).map((message) => message.text)).toEqual(['public plan', 'secret plan']);
  });

  it('forgets every failure on clearFailures', async () => {
    fake.failNext('auth.test', { error: 'account_inactive' }, 5);
    fake.failWhen('auth.test', () => ({ status: 503 }));
    fake.clearFailures();
    await expect(clientWith().auth.test()).resolves.toMatchObject({ ok: true, user_id: 'UBOT' });
  });
});
