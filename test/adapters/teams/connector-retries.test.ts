/**
 * Bot Connector calls through the SDK's CloudAdapter, as Muster makes them
 * (`Proactive`), against the fake connector: throttling and 5xx answers are
 * retried and the message delivered once, a card update or a one-to-one chat
 * that hangs is retried, a posted message that hangs is not repeated (Teams
 * may have posted it), and giving up says what failed without the token or
 * the message's words.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsAuth } from '../../../src/adapters/teams/auth/teams-auth.js';
import { ConnectorError } from '../../../src/adapters/teams/http/connector-retries.js';
import { PlatformCallError } from '../../../src/adapters/teams/http/retry-policy.js';
import { Proactive } from '../../../src/adapters/teams/platform/proactive.js';
import { TeamsState } from '../../../src/adapters/teams/store/teams-state.js';
import { type FakeConnector, startFakeConnector } from '../../fakes/fake-teams/index.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';

const TOKEN = 'connector-token-abc123';
const CHANNEL = '19:incident@thread.tacv2';
const WORDS = 'Initial Tactical Response Meeting due in 48 hours for Pat Police';

let connector: FakeConnector;
let logger: RecordingLogger;
let waits: number[];

beforeEach(async () => {
  connector = await startFakeConnector();
  logger = new RecordingLogger();
  waits = [];
});
afterEach(async () => {
  await connector.close();
});

async function proactive(timeoutMs = 2_000): Promise<Proactive> {
  const auth = createTeamsAuth(
    { appId: 'app-muster', tenantId: 'tenant-1', serviceUrl: connector.serviceUrl },
    async () => TOKEN,
    {
      attempts: 3,
      timeoutMs,
      maxDelayMs: 5_000,
      logger,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  );
  const state = await TeamsState.open({ store: new InMemoryStore(), dataDir: '/nonexistent' });
  return new Proactive({
    adapter: auth.adapter,
    state,
    appId: 'app-muster',
    tenantId: 'tenant-1',
    serviceUrl: connector.serviceUrl,
  });
}

const message = { text: WORDS };
const posts = () => connector.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/activities'));

describe('Bot Connector calls', () => {
  it('waits out a 429 for its Retry-After, then delivers the message once', async () => {
    connector.failNext('post', 429, 1, { 'Retry-After': '2' });
    const id = await (await proactive()).post({ conversationId: CHANNEL, isGroup: true }, message);

    expect(connector.messages(CHANNEL).map((m) => m.id)).toEqual([id]);
    expect(posts()).toHaveLength(2);
    expect(waits).toEqual([2_000]);
  });

  it('retries a 500 and a 502, then delivers the message once', async () => {
    connector.failNext('post', 500, 1);
    const sender = await proactive();
    const first = sender.post({ conversationId: CHANNEL, isGroup: true }, message);
    await first;
    connector.failNext('post', 502, 2);
    await sender.post({ conversationId: CHANNEL, isGroup: true }, message);

    expect(connector.messages(CHANNEL)).toHaveLength(2);
    expect(posts()).toHaveLength(5);
  });

  it('does not repeat a message whose answer never came: it fails, and Teams may have posted it', async () => {
    connector.delayNext('post', 500);
    const error = await (await proactive(100))
      .post({ conversationId: CHANNEL, isGroup: true }, message)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformCallError);
    expect(error).toMatchObject({ kind: 'timeout', mayHaveHappened: true });
    expect(posts()).toHaveLength(1);
  });

  it('retries a card update that hangs: replacing a message twice is replacing it once', async () => {
    const sender = await proactive(100);
    const id = await sender.post({ conversationId: CHANNEL, isGroup: true }, message);
    connector.delayNext('update', 500);
    await sender.update({ conversationId: CHANNEL, isGroup: true }, id, { text: 'updated' });

    expect(connector.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect(connector.message(id)?.activity.text).toBe('updated');
  });

  it("retries creating someone's one-to-one chat that hangs, and posts into the one chat Teams keeps", async () => {
    connector.delayNext('create', 500);
    await (await proactive(100)).postToPerson('aad-cara', message);

    const chat = connector.personalChats.get('aad-cara')!;
    expect(connector.requests.filter((r) => r.path === '/v3/conversations')).toHaveLength(2);
    expect(connector.messages(chat)).toHaveLength(1);
  });

  it('fails the caller when a card update is refused, and posts nothing in its place', async () => {
    const sender = await proactive();
    const id = await sender.post({ conversationId: CHANNEL, isGroup: true }, message);
    connector.failNext('update', 404);
    const error = await sender
      .update({ conversationId: CHANNEL, isGroup: true }, id, { text: 'updated' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 404 });
    expect(connector.messages(CHANNEL).map((m) => m.activity.text)).toEqual([WORDS]);
  });

  it('gives up after its attempts with the status, and logs no token and no words of the message', async () => {
    connector.failNext('post', 503, 5);
    const error = await (await proactive())
      .post({ conversationId: CHANNEL, isGroup: true }, message)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ status: 503, code: 'ServiceError' });
    expect((error as Error).message).toBe(
      'the Teams Bot Connector answered 503 ServiceError to POST v3/conversations/{id}/activities',
    );
    expect(posts()).toHaveLength(3);
    expect(posts()[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(logger.messages('warn')).toEqual([
      'the Teams Bot Connector: POST v3/conversations/{id}/activities failed after 3 attempt(s)',
    ]);
    const everything = JSON.stringify({
      logs: logger.entries,
      error: { ...(error as object), message: (error as Error).message },
    });
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('Pat Police');
    expect(everything).not.toContain('incident@thread');
  });
});
