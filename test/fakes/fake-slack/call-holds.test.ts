/**
 * Holding calls in the fake Slack, seen through the real `WebClient`: a held
 * call is neither carried out nor answered until released, other calls go
 * straight through, and a held call whose client gives up never reaches the
 * workspace.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.js';

let fake: FakeSlack;
let channelId: string;

function client(options: Partial<webApi.WebClientOptions> = {}): webApi.WebClient {
  return new webApi.WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
    ...options,
  });
}

const texts = () => fake.messages(channelId).map((message) => message.text);

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeEach(async () => {
  fake = await startFakeSlack();
  channelId = fake.addChannel({ name: 'inc-001', isPrivate: true }).id;
});

afterEach(async () => {
  await fake.close();
});

describe('fake Slack holds', () => {
  it('holds a matching call unanswered and not carried out until released, letting others through', async () => {
    const hold = fake.hold('chat.postMessage', (args) => args.text === 'held');
    const held = client().chat.postMessage({ channel: channelId, text: 'held' });

    expect((await hold.arrived).args).toMatchObject({ text: 'held' });
    await client().chat.postMessage({ channel: channelId, text: 'free' });
    expect(texts()).toEqual(['free']);
    expect(hold.waiting).toHaveLength(1);

    hold.release();
    await expect(held).resolves.toMatchObject({ ok: true });
    expect(texts()).toEqual(['free', 'held']);
    expect(hold.waiting).toEqual([]);
    await client().chat.postMessage({ channel: channelId, text: 'held' });
    expect(texts()).toEqual(['free', 'held', 'held']);
  });

  it('never carries out a held call whose client went away, even once released', async () => {
    const hold = fake.hold('chat.postMessage');
    const post = client({ timeout: 100 }).chat.postMessage({ channel: channelId, text: 'lost' });
    await expect(post).rejects.toThrow();

    await until(() => hold.abandoned.length === 1);
    hold.release();
    expect(hold.waiting).toEqual([]);
    expect(hold.abandoned[0]).toMatchObject({ status: 0, error: 'client_gone', args: { text: 'lost' } });
    expect(texts()).toEqual([]);
  });
});
