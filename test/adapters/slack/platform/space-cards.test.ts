import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentSpace } from '../../../../src/ports.js';
import { checklistCard, meetingCard } from '../blocks/meeting-card-fixtures.js';
import { type Harness, platformHarness } from './platform-harness.js';

let h: Harness;
let space: IncidentSpace;
beforeEach(async () => {
  h = await platformHarness();
  const channel = h.fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true });
  space = { id: channel.id, name: channel.name };
});
afterEach(() => h.close());

describe('SlackPlatform space cards', () => {
  it('posts a meeting card for everyone, unpinned, and returns its ts', async () => {
    const ts = await h.platform.postCard(space, meetingCard());

    const [message] = h.fake.messages(space.id);
    expect(message).toMatchObject({ ts, pinned: false, text: expect.stringContaining('Initial Tactical') });
    expect(JSON.stringify(message?.blocks)).toContain('muster_start_meeting');
    expect(h.fake.callsTo('pins.add')).toEqual([]);
  });

  it('updates the checklist in place, keeping one message', async () => {
    const ts = await h.platform.postCard(space, checklistCard());

    await h.platform.updateCard(space, ts, checklistCard({ ended: true }));

    const messages = h.fake.messages(space.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ts, edited: true, text: expect.stringContaining('Ended') });
    expect(JSON.stringify(messages[0]?.blocks)).not.toContain('static_select');
  });

  it("rejects with Slack's error when the message has gone", async () => {
    await expect(h.platform.updateCard(space, '1.000001', checklistCard())).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });
});

describe('SlackPlatform archiving', () => {
  it('archives the channel, and counts archiving it again as done', async () => {
    await h.platform.archiveSpace(space);
    await h.platform.archiveSpace(space);

    expect(h.fake.channel(space.id)?.archived).toBe(true);
    expect(h.fake.callsTo('conversations.archive').map((c) => c.error)).toEqual([
      undefined,
      'already_archived',
    ]);
  });

  it('unarchives the channel, and counts unarchiving an active one as done', async () => {
    await h.platform.archiveSpace(space);
    await h.platform.unarchiveSpace(space);
    await h.platform.unarchiveSpace(space);

    expect(h.fake.channel(space.id)?.archived).toBe(false);
    expect(h.fake.callsTo('conversations.unarchive').map((c) => c.error)).toEqual([
      undefined,
      'not_archived',
    ]);
  });

  it("rejects with Slack's other errors, so the use case can say the channel was not archived", async () => {
    h.fake.failNext('conversations.archive', { error: 'restricted_action' });
    await expect(h.platform.archiveSpace(space)).rejects.toMatchObject({
      data: { error: 'restricted_action' },
    });
    h.fake.failNext('conversations.unarchive', { error: 'channel_not_found' });
    await expect(h.platform.unarchiveSpace(space)).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    expect(h.fake.channel(space.id)?.archived).toBe(false);
  });
});
