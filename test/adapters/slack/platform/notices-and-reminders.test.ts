import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../src/core/incident/incident.js';
import { defaultProtocol } from '../../../../src/core/protocol/default-protocol.js';
import { computeTimeline } from '../../../../src/core/protocol/timeline.js';
import type { Recipients, ReminderDelivery } from '../../../../src/ports.js';
import { makeIncident } from '../../../fixtures/incident-factory.js';
import { noticeCard, reminderCard } from '../blocks/card-fixtures.js';
import { contact, type Harness, platformHarness } from './platform-harness.js';

let h: Harness;
afterEach(() => h.close());

/** An incident channel and a coordination channel; the platform knows the latter only if asked to. */
async function setUp(coordination: boolean) {
  const ids = { incidentId: '', coordinationId: '' };
  h = await platformHarness({
    platform: (fake) => {
      ids.incidentId = fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true }).id;
      ids.coordinationId = fake.addChannel({ name: 'csp-coordination', isPrivate: true }).id;
      return coordination ? { coordinationChannel: ids.coordinationId } : {};
    },
  });
  return ids;
}

const recipients = (...contacts: ReturnType<typeof contact>[]): Recipients => ({ contacts, actors: [] });
const dmTexts = (userId: string) => h.fake.messages(h.fake.dmWith(userId)?.id ?? 'none').map((m) => m.text);

function delivery(incident: Incident, overrides: Partial<ReminderDelivery> = {}): ReminderDelivery {
  const milestone = computeTimeline(defaultProtocol, incident, DateTime.fromISO('2027-03-16T09:00:00Z'))[1]!;
  return {
    incident,
    reminder: {
      incidentId: incident.id,
      key: 'initial-meeting:before-24h',
      milestoneId: milestone.id,
      kind: 'before',
      fireAt: '2027-03-16T09:00:00.000Z',
      notify: ['sio'],
      attempts: 0,
    },
    milestone,
    card: reminderCard(),
    recipients: recipients(contact(1), contact(2)),
    toCoordination: false,
    ...overrides,
  };
}

const withSpace = (channelId: string) =>
  makeIncident({ spaces: { slack: { spaceId: channelId, spaceName: 'sv-2027-0042-corby' } } });

describe('SlackPlatform.sendNotice', () => {
  it("posts to the incident's channel", async () => {
    const { incidentId } = await setUp(false);

    await h.platform.sendNotice({ kind: 'space', space: { id: incidentId, name: 'x' } }, noticeCard());

    expect(h.fake.messages(incidentId).map((m) => m.text)).toEqual(['New incident SV-2027-0042 in Corby']);
  });

  it('posts to the coordination channel when one is configured', async () => {
    const { coordinationId } = await setUp(true);

    await h.platform.sendNotice({ kind: 'coordination' }, noticeCard());

    expect(h.fake.messages(coordinationId)).toHaveLength(1);
  });

  it('sends nothing and warns once when no coordination channel is configured', async () => {
    await setUp(false);

    await h.platform.sendNotice({ kind: 'coordination' }, noticeCard());
    await h.platform.sendNotice({ kind: 'coordination' }, noticeCard());

    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.logger.messages('warn')).toEqual([expect.stringContaining('no Slack coordination channel')]);
  });

  it('messages each person found directly, and counts the ones Slack does not know', async () => {
    await setUp(false);
    const unknown = contact(9, { email: 'nobody@agency.example' });

    await h.platform.sendNotice(
      { kind: 'direct', recipients: recipients(contact(1), contact(2), unknown) },
      noticeCard(),
    );

    expect(dmTexts('U001')).toEqual(['New incident SV-2027-0042 in Corby']);
    expect(dmTexts('U002')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(h.logger.entries).toMatchObject([{ level: 'warn', fields: { missing: 1 } }]);
    expect(JSON.stringify(h.logger.entries)).not.toContain('nobody@');
  });
});

describe('SlackPlatform.deliverReminder', () => {
  it("posts the reminder in the incident's channel and to each recipient directly", async () => {
    const { incidentId } = await setUp(false);

    await h.platform.deliverReminder(delivery(withSpace(incidentId)));

    const headline = reminderCard().headline;
    expect(h.fake.messages(incidentId).map((m) => m.text)).toEqual([headline]);
    expect(dmTexts('U001')).toEqual([headline]);
    expect(dmTexts('U002')).toEqual([headline]);
    expect(JSON.stringify(h.fake.messages(incidentId)[0]?.blocks)).toContain('muster_snooze');
  });

  it('also posts an escalation to the coordination channel', async () => {
    const { incidentId, coordinationId } = await setUp(true);

    await h.platform.deliverReminder(
      delivery(withSpace(incidentId), { toCoordination: true, card: reminderCard({ escalation: true }) }),
    );

    expect(h.fake.messages(coordinationId).map((m) => m.text)).toEqual([
      `Escalation: ${reminderCard().headline}`,
    ]);
    expect(h.fake.messages(incidentId)).toHaveLength(1);
  });

  it('reaches people directly even when the incident has no Slack channel', async () => {
    await setUp(false);

    await h.platform.deliverReminder(delivery(makeIncident()));

    expect(h.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['U001', 'U002']);
  });

  it('rejects when one post fails, after trying every other post, so the reminder is retried', async () => {
    const { incidentId } = await setUp(false);
    h.fake.failWhen('chat.postMessage', (args) =>
      args.channel === 'U001' ? { error: 'user_disabled' } : undefined,
    );

    await expect(h.platform.deliverReminder(delivery(withSpace(incidentId)))).rejects.toMatchObject({
      data: { error: 'user_disabled' },
    });
    expect(h.fake.messages(incidentId)).toHaveLength(1);
    expect(dmTexts('U002')).toHaveLength(1);
  });

  it("rejects when the incident's channel has gone", async () => {
    await setUp(false);

    await expect(h.platform.deliverReminder(delivery(withSpace('C404')))).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });
});
