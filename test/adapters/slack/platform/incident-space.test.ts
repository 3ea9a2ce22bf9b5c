import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../src/core/errors.js';
import { incidentChannelName } from '../../../../src/core/incident/channel-name.js';
import { makeIncident } from '../../../fixtures/incident-factory.js';
import { type Harness, platformHarness } from './platform-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await platformHarness();
});
afterEach(() => h.close());

const incident = () => makeIncident({ id: 'SV-2027-0042', reference: 'SV-2027-0042', area: 'corby' });

describe('incidentChannelName', () => {
  it('is built from the reference and area only, lower-case with hyphens', () => {
    expect(incidentChannelName(incident())).toBe('sv-2027-0042-corby');
    expect(incidentChannelName({ reference: 'SV-2027-0042', area: 'East_Northants & Co!' })).toBe(
      'sv-2027-0042-east-northants-co',
    );
  });

  it('is at most 80 characters and does not end in a hyphen', () => {
    const name = incidentChannelName({ reference: 'SV-2027-0042', area: `${'a'.repeat(66)}-bbbb` });

    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^[a-z0-9-]+[a-z0-9]$/);
  });
});

describe('SlackPlatform.ensureIncidentSpace', () => {
  it('creates a private channel named from the reference and area, with a purpose that warns about names', async () => {
    const space = await h.platform.ensureIncidentSpace(incident());
    const channel = h.fake.channel(space.id);

    expect(space).toEqual({
      id: channel?.id,
      name: 'sv-2027-0042-corby',
      url: `https://muster-test.slack.com/archives/${channel?.id}`,
    });
    expect(channel).toMatchObject({ name: 'sv-2027-0042-corby', isPrivate: true });
    expect(channel?.purpose).toBe(
      'Muster: multi-agency response to SV-2027-0042 (Corby). Private: no names of victims or suspects.',
    );
    expect(channel?.topic).toContain('SV-2027-0042');
    expect(channel?.topic.length).toBeLessThanOrEqual(100);
  });

  it('never puts the title or description in the channel name, purpose or topic', async () => {
    const space = await h.platform.ensureIncidentSpace(
      makeIncident({
        reference: 'SV-2027-0043',
        area: 'corby',
        title: 'Jane Doe stabbed',
        description: 'Jane',
      }),
    );
    const channel = h.fake.channel(space.id)!;

    expect(`${channel.name} ${channel.purpose} ${channel.topic}`).not.toMatch(/jane|stabbed/i);
  });

  it('reuses the channel an earlier attempt created instead of making a second one', async () => {
    const first = await h.platform.ensureIncidentSpace(incident());
    h.fake.clearCalls();

    const second = await h.platform.ensureIncidentSpace(incident());

    expect(second).toEqual(first);
    expect(h.fake.channels.filter((c) => c.name === 'sv-2027-0042-corby')).toHaveLength(1);
    expect(h.fake.callsTo('conversations.create').map((c) => c.error)).toEqual(['name_taken']);
    expect(h.fake.callsTo('conversations.setPurpose')).toHaveLength(0);
    expect(h.fake.callsTo('conversations.setTopic')).toHaveLength(0);
  });

  it('finds the existing channel on a later page of the channel list', async () => {
    for (let i = 0; i < 250; i += 1) h.fake.addChannel({ name: `other-${i}`, isPrivate: true });
    const existing = h.fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true });
    existing.purpose = 'Set by a coordinator';

    const space = await h.platform.ensureIncidentSpace(incident());

    expect(space.id).toBe(existing.id);
    expect(h.fake.callsTo('conversations.list').length).toBeGreaterThan(1);
    expect(h.fake.callsTo('conversations.list')[0]?.args).toMatchObject({
      types: 'private_channel',
      exclude_archived: 'true',
    });
    expect(existing.purpose).toBe('Set by a coordinator');
  });

  it('gives a reused channel its purpose when the attempt that created it stopped before setting one', async () => {
    const existing = h.fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true });

    await h.platform.ensureIncidentSpace(incident());

    expect(existing.purpose).toContain('Muster: multi-agency response to SV-2027-0042');
  });

  it('refuses with a conflict it explains when the name belongs to a channel Muster is not in', async () => {
    h.fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true, members: ['U001'] });

    await expect(h.platform.ensureIncidentSpace(incident())).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: expect.stringContaining('#sv-2027-0042-corby'),
    });
    expect(h.fake.channels).toHaveLength(1);
  });

  it("passes on Slack's error when the channel cannot be created", async () => {
    h.fake.failNext('conversations.create', { error: 'restricted_action' });

    await expect(h.platform.ensureIncidentSpace(incident())).rejects.toMatchObject({
      data: { error: 'restricted_action' },
    });
    expect(h.fake.channels).toHaveLength(0);
  });
});
