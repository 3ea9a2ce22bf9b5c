/**
 * Journey 1 end to end: `/incident` opens the notification form in a modal;
 * a valid submission opens the incident, creates its private channel, invites
 * everyone in one call, posts and pins the card, tells List 1 directly and
 * the coordination channel, and tells the submitter who could not be found.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/adapters/slack/ids.js';
import {
  channelOf,
  type Harness,
  openForm,
  reportIncident,
  startHarness,
  textsIn,
  USERS,
} from './slack-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('/incident, then the notification form', () => {
  it('opens the form in a modal with a block per field, the reporter preset to the person who asked', async () => {
    const { view } = await openForm(h);

    expect(view.callback_id).toBe(CALLBACKS.newIncident);
    expect(h.fake.callsTo('views.open')[0]!.args.trigger_id).toMatch(/\d+\.\d+\./);
    const blocks = view.blocks as { type: string; block_id?: string; element?: Record<string, unknown> }[];
    const inputs = blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual([
      'occurredAt',
      'area',
      'location',
      'category',
      'description',
      'weapon',
      'sio',
      'reportedBy',
      'knockOnAreas',
    ]);
    const element = (id: string) => inputs.find((b) => b.block_id === id)!.element!;
    expect(element('occurredAt').type).toBe('datetimepicker');
    expect(element('area')).toMatchObject({ type: 'static_select', action_id: 'area' });
    expect(element('sio').type).toBe('users_select');
    expect(element('reportedBy')).toMatchObject({ type: 'users_select', initial_user: USERS.sio.id });
    expect(element('knockOnAreas').type).toBe('multi_static_select');
  });

  it('opens the incident on Slack: private channel, one invite call, card pinned, List 1 DMs, coordination notice', async () => {
    const incident = await reportIncident(h);

    expect(incident.reference).toBe('SV-2027-0001');
    expect(incident.sio).toEqual({ id: 'slack:USIO', name: 'DCI Priya Patel' });
    const channel = h.fake.channel(channelOf(incident))!;
    expect(channel).toMatchObject({ name: 'sv-2027-0001-corby', isPrivate: true });
    expect(h.fake.callsTo('conversations.create')).toHaveLength(1);

    const invites = h.fake.callsTo('conversations.invite');
    expect(invites).toHaveLength(1);
    expect(String(invites[0]!.args.users).split(',').sort()).toEqual(['UCARA', 'UPAT', 'USAM', 'USIO']);

    const card = h.fake.messages(channel.id).find((m) => m.pinned)!;
    expect(card.text).toContain('SV-2027-0001');
    expect(h.fake.callsTo('pins.add')).toHaveLength(1);
    expect(incident.spaces.slack).toMatchObject({ cardRef: card.ts, completedAt: expect.any(String) });

    // List 1 in Corby: police (Pat), CSP (Cara), NHFT (Nia, who is not on Slack).
    expect(textsIn(h, h.fake.dmWith('UPAT')!.id).join()).toContain('List 1');
    expect(textsIn(h, h.fake.dmWith('UCARA')!.id).join()).toContain('List 1');
    expect(h.fake.dmWith('USAM')).toBeUndefined();
    expect(textsIn(h, h.coordinationChannel).join()).toContain('New incident SV-2027-0001');
  });

  it('lists the contact Slack cannot find in the channel and to the submitter, ephemerally', async () => {
    const incident = await reportIncident(h);
    const channel = channelOf(incident);

    expect(textsIn(h, channel).join()).toContain('Nia NHFT');
    const toSubmitter = h.fake.ephemerals.filter((e) => e.user === USERS.sio.id && e.channel === channel);
    expect(toSubmitter).toHaveLength(1);
    expect(JSON.stringify(toSubmitter[0]!.blocks)).toContain('Nia NHFT');
    expect(toSubmitter[0]!.text).toContain('SV-2027-0001 is open');
  });

  it('makes one incident and one channel when the same submission arrives twice (retry or double click)', async () => {
    const form = await openForm(h);
    const [first, second] = await Promise.all([form.submit(), form.submit(undefined, { retry: { num: 1 } })]);
    await h.muster.idle();
    const third = await form.submit();
    await h.muster.idle();

    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(await h.muster.store.listIncidents()).toHaveLength(1);
    expect(h.fake.callsTo('conversations.create')).toHaveLength(1);
    expect(h.fake.channels.filter((c) => c.name.startsWith('sv-'))).toHaveLength(1);
  });
});

describe('requests not from Slack', () => {
  it('refuses a bad signature and a stale timestamp with 401, and does nothing', async () => {
    const command = { command: '/incident', text: '', user_id: USERS.sio.id, channel_id: 'CGENERAL' };
    expect((await h.slack.command(command, { badSignature: true })).status).toBe(401);
    expect((await h.slack.command(command, { staleTimestamp: true })).status).toBe(401);
    expect((await h.slack.command(command, { unsigned: true })).status).toBe(401);
    await h.muster.idle();
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });

  it('serves /healthz on the same listener as /slack/events', async () => {
    const response = await fetch(`http://127.0.0.1:${h.muster.port}/healthz`);
    expect(response.status).toBe(200);
  });
});
