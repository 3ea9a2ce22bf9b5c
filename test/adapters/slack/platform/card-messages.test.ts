import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, slackClientOptions } from '../../../../src/adapters/slack/platform/client-options.js';
import type { IncidentSpace } from '../../../../src/ports.js';
import { agencyRow, incidentCard } from '../blocks/card-fixtures.js';
import { type Harness, platformHarness } from './platform-harness.js';

let h: Harness;
let space: IncidentSpace;
const setUp = async (options: Parameters<typeof platformHarness>[0] = {}) => {
  h = await platformHarness(options);
  const channel = h.fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true });
  space = { id: channel.id, name: channel.name };
};
afterEach(() => h.close());

describe('SlackPlatform incident card', () => {
  beforeEach(() => setUp());

  it('posts the card with blocks and fallback text, pins it and returns its ts', async () => {
    const ts = await h.platform.postIncidentCard(space, incidentCard());

    const [message] = h.fake.messages(space.id);
    expect(message).toMatchObject({ ts, pinned: true, text: expect.stringContaining('SV-2027-0042') });
    expect(message?.blocks?.[0]).toMatchObject({ type: 'header' });
    expect(h.fake.callsTo('pins.add')[0]?.args).toMatchObject({ channel: space.id, timestamp: ts });
  });

  it('is content when the card is already pinned', async () => {
    h.fake.failNext('pins.add', { error: 'already_pinned' });

    await expect(h.platform.postIncidentCard(space, incidentCard())).resolves.toMatch(/^\d+\.\d+$/);
    expect(h.logger.messages('warn')).toEqual([]);
  });

  it('keeps the posted card and warns, rather than failing, when pinning is refused', async () => {
    h.fake.failNext('pins.add', { error: 'permission_denied' });

    const ts = await h.platform.postIncidentCard(space, incidentCard());

    expect(h.fake.messages(space.id).map((m) => m.ts)).toEqual([ts]);
    expect(h.logger.entries).toMatchObject([{ level: 'warn', fields: { error: 'permission_denied' } }]);
  });

  it('updates the card in place, keeping one message', async () => {
    const ts = await h.platform.postIncidentCard(space, incidentCard());
    const all = [agencyRow(1, true), agencyRow(2, true), agencyRow(3, true)];

    await h.platform.updateIncidentCard(space, ts, incidentCard({ agencies: all }));

    const messages = h.fake.messages(space.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ts, edited: true, pinned: true });
    expect(messages[0]?.text).toContain('3 of 3 agencies have acknowledged');
    expect(JSON.stringify(messages[0]?.blocks)).not.toContain('muster_acknowledge');
  });

  it("rejects with Slack's error when the channel has gone", async () => {
    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });

    await expect(h.platform.postIncidentCard(space, incidentCard())).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    expect(h.fake.callsTo('pins.add')).toHaveLength(0);
  });
});

describe('SlackPlatform retries (through the WebClient options it recommends)', () => {
  it('retries a rate-limited post after Retry-After and posts once', async () => {
    await setUp();
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });

    await h.platform.postIncidentCard(space, incidentCard());

    expect(h.fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(h.fake.messages(space.id)).toHaveLength(1);
  });

  it('succeeds after two server errors when two retries are allowed', async () => {
    await setUp({ retry: { retries: 2, minTimeout: 10, maxTimeout: 20 } });
    h.fake.failNext('chat.postMessage', { status: 500 }, 2);

    await h.platform.postIncidentCard(space, incidentCard());

    expect(h.fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it('gives up after its bounded retries, so the caller can try again later', async () => {
    await setUp();
    h.fake.failNext('chat.postMessage', { status: 503 }, 5);

    await expect(h.platform.postIncidentCard(space, incidentCard())).rejects.toMatchObject({
      statusCode: 503,
    });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('slackClientOptions', () => {
  it('bounds retries and limits each request by default, and points the client at the given API URL', () => {
    expect(slackClientOptions({ apiUrl: 'http://127.0.0.1:1/api/' })).toEqual({
      slackApiUrl: 'http://127.0.0.1:1/api/',
      retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 },
      timeout: 20_000,
    });
    expect(DEFAULT_RETRY.retries).toBeLessThanOrEqual(5);
  });

  it('takes overrides and leaves the Slack URL alone when none is given', () => {
    const options = slackClientOptions({ retries: 1, minTimeout: 10, maxTimeout: 20, timeout: 500 });

    expect(options).toEqual({
      retryConfig: { retries: 1, factor: 2, minTimeout: 10, maxTimeout: 20 },
      timeout: 500,
    });
  });
});
