/**
 * What the person who submitted the notification form is told, and where.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/adapters/logging/logger.js';
import type { SlackContext } from '../../../../src/adapters/slack/slack-context.js';
import { submitterNotice, tellPerson } from '../../../../src/adapters/slack/views/tell-submitter.js';
import type { AnnounceResult } from '../../../../src/app/announce-incident.js';
import { type FakeSlack, startFakeSlack } from '../../../fakes/fake-slack/index.js';
import { testDirectory } from '../../../fakes/test-directory.js';

const nia = testDirectory().contacts.find((c) => c.id === 'nia-nhft')!;
const result = (extra: Partial<AnnounceResult>) =>
  ({ missing: [], completed: true, ...extra }) as AnnounceResult;

describe('submitterNotice', () => {
  it('says the incident is open, where, and who could not be invited', () => {
    const notice = submitterNotice(
      'SV-2027-0001',
      result({
        space: { id: 'C1', name: 'sv-2027-0001-corby', url: 'https://t.slack.com/archives/C1' },
        missing: [nia],
      }),
    );
    expect(notice.headline).toBe(
      'SV-2027-0001 is open in #sv-2027-0001-corby: the agencies have been notified',
    );
    expect(notice.lines[0]).toBe('Not found on Slack, so not invited: Nia NHFT (nia@nhft.example)');
    expect(notice.spaceUrl).toBe('https://t.slack.com/archives/C1');
  });

  it('says the incident is saved and will be finished when Slack failed part-way', () => {
    const notice = submitterNotice(
      'SV-2027-0001',
      result({ completed: false, error: 'An API error occurred: channel_not_found' }),
    );
    expect(notice.headline).toBe('SV-2027-0001 is saved, but Slack has not finished setting it up');
    expect(notice.lines.join('\n')).toMatch(/channel_not_found[\s\S]*tries again every minute/);
  });
});

describe('tellPerson', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  const ctx = { logger: silentLogger } as SlackContext;
  const notice = { kind: 'notice' as const, headline: 'Hello', lines: [] };

  beforeEach(async () => {
    fake = await startFakeSlack({ users: [{ id: 'U1', email: 'a@b.example', name: 'a' }] });
    client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('answers ephemerally in the channel when the person is in it', async () => {
    const channel = fake.addChannel({ name: 'c', isPrivate: true, members: ['UBOT', 'U1'] }).id;
    await tellPerson(ctx, client, 'U1', channel, notice);
    expect(fake.ephemerals).toMatchObject([{ channel, user: 'U1', text: 'Hello' }]);
  });

  it('falls back to a direct message when they are not in the channel', async () => {
    const channel = fake.addChannel({ name: 'c', isPrivate: true }).id;
    await tellPerson(ctx, client, 'U1', channel, notice);
    expect(fake.ephemerals).toEqual([]);
    expect(fake.messages(fake.dmWith('U1')!.id).map((m) => m.text)).toEqual(['Hello']);
  });

  it('never throws when Slack cannot be reached at all', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    await expect(tellPerson(ctx, client, 'U1', undefined, notice)).resolves.toBeUndefined();
  });
});
