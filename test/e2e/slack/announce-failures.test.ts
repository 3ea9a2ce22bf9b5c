/**
 * Slack failing while an incident is announced: the incident is saved before
 * the channel is made, what succeeded is recorded, the submitter is told, and
 * the scheduler's next tick finishes the job without repeating a step. A
 * restart after a crash between "channel created" and "incident saved" reuses
 * the channel instead of making a second one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { channelOf, type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const slackChannels = () => h.fake.channels.filter((c) => c.name.startsWith('sv-'));

describe('a Slack failure while announcing never loses the incident', () => {
  it('saves the incident when Slack answers 5xx to channel creation, tells the submitter, and the tick finishes it', async () => {
    h = await startHarness({ retries: 1 });
    h.fake.failNext('conversations.create', { status: 503 }, 2);

    const incident = await reportIncident(h);

    expect(incident.reference).toBe('SV-2027-0001');
    expect(incident.spaces.slack).toMatchObject({ attempts: 1, lastError: expect.any(String) });
    expect(incident.spaces.slack?.spaceId).toBeUndefined();
    expect(h.fake.callsTo('conversations.create').map((c) => c.status)).toEqual([503, 503]);
    const dm = h.fake.messages(h.fake.dmWith(USERS.sio.id)!.id);
    expect(dm.map((m) => m.text)).toEqual([expect.stringContaining('SV-2027-0001 is saved')]);

    await h.muster.tickNow();

    const resumed = (await h.muster.store.getIncident(incident.id))!;
    expect(resumed.spaces.slack?.completedAt).toBeDefined();
    expect(slackChannels()).toHaveLength(1);
    expect(h.fake.callsTo('pins.add')).toHaveLength(1);
  });

  it('waits out a 429 Retry-After and carries on in the same request', async () => {
    h = await startHarness({ retries: 1 });
    h.fake.failNext('conversations.invite', { status: 429, retryAfter: 1 });

    const incident = await reportIncident(h);

    expect(h.fake.callsTo('conversations.invite').map((c) => c.status)).toEqual([429, 200]);
    expect(incident.spaces.slack?.completedAt).toBeDefined();
    expect(h.fake.channel(channelOf(incident))!.members.has(USERS.pat.id)).toBe(true);
  });

  it('resumes after channel_not_found on the card without inviting or creating again', async () => {
    h = await startHarness();
    const channelPosts = (channel: string) =>
      h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
    // The first message in a new channel is the missing-contact notice; fail the card after it.
    let posts = 0;
    const lift = h.fake.failWhen('chat.postMessage', (args) =>
      String(args.channel).startsWith('C') && String(args.channel) !== h.coordinationChannel && ++posts === 2
        ? { error: 'channel_not_found' }
        : undefined,
    );

    const incident = await reportIncident(h);
    lift();
    const channel = channelOf(incident);

    expect(incident.spaces.slack).toMatchObject({
      membersAddedAt: expect.any(String),
      lastError: expect.stringContaining('channel_not_found'),
    });
    expect(incident.spaces.slack?.cardPostedAt).toBeUndefined();

    await h.muster.tickNow();

    const resumed = (await h.muster.store.getIncident(incident.id))!;
    expect(resumed.spaces.slack?.completedAt).toBeDefined();
    expect(h.fake.callsTo('conversations.create')).toHaveLength(1);
    expect(h.fake.callsTo('conversations.invite')).toHaveLength(1);
    expect(h.fake.messages(channel).filter((m) => m.pinned)).toHaveLength(1);
    expect(channelPosts(channel).filter((c) => !c.error)).toHaveLength(2);
  });

  it('reuses the channel after a restart when the crash came between creating it and saving its id', async () => {
    h = await startHarness();
    // Slack makes the channel, then the process "dies" before recording it: setPurpose never answers well.
    h.fake.failNext('conversations.setPurpose', { error: 'fatal_error' });

    const incident = await reportIncident(h);
    expect(incident.spaces.slack?.spaceId).toBeUndefined();
    expect(slackChannels()).toHaveLength(1);

    await h.restart();
    await h.muster.tickNow();

    const resumed = (await h.muster.store.getIncident(incident.id))!;
    expect(slackChannels()).toHaveLength(1);
    expect(resumed.spaces.slack).toMatchObject({
      spaceId: slackChannels()[0]!.id,
      completedAt: expect.any(String),
    });
    expect(h.fake.callsTo('conversations.create').map((c) => c.error)).toEqual([undefined, 'name_taken']);
  });

  it('does not announce twice when the tick runs while a submission is still announcing', async () => {
    h = await startHarness();
    h.fake.failNext('conversations.invite', { delayMs: 300 });

    const submitted = reportIncident(h);
    // The tick comes while the submission waits for Slack's answer to the invite.
    await expect.poll(() => h.fake.callsTo('conversations.invite').length).toBe(1);
    await h.muster.tickNow();
    const incident = await submitted;

    expect(incident.spaces.slack?.completedAt).toBeDefined();
    expect(h.fake.callsTo('conversations.invite')).toHaveLength(1);
    expect(h.fake.callsTo('pins.add')).toHaveLength(1);
  });
});
