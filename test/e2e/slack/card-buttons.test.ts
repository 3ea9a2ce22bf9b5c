/**
 * Journey 2 end to end: the buttons on the incident card and on reminder
 * cards. A channel member's Acknowledge updates the pinned card in place; a
 * non-member is told why, ephemerally, and nothing changes; Record meeting
 * opens its form and records the meeting; Mark done and Snooze settle a
 * reminder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS } from '../../../src/adapters/slack/ids.js';
import { actionValue } from '../../../src/app/cards/action-value.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { datetime, type FakeMessage, select, stateValues, userSelect } from '../../fakes/fake-slack/index.js';
import { channelOf, type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

let h: Harness;
let incident: Incident;
let card: FakeMessage;

beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
  card = h.fake.messages(channelOf(incident)).find((m) => m.pinned)!;
});
afterEach(async () => {
  await h.close();
});

interface Button {
  action_id: string;
  value: string;
}

/** Every button anywhere in the message's blocks (section accessories, actions blocks). */
function buttons(message: FakeMessage): Button[] {
  const found: Button[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ((node as { type?: unknown }).type === 'button') found.push(node as Button);
      Object.values(node).forEach(walk);
    }
  };
  walk(message.blocks);
  return found;
}

function press(user: string, actionId: string, value: string, channel = channelOf(incident)) {
  return h.slack.blockAction({ action_id: actionId, user, value, channel, message: { ts: card.ts } });
}

const lastResponse = () => h.fake.responses.at(-1)?.body;

describe('Acknowledge', () => {
  it('records a member’s acknowledgement and updates the pinned card in place', async () => {
    const police = buttons(card).find(
      (b) => b.action_id === ACTIONS.acknowledge && b.value.includes('"police"'),
    )!;
    expect(police).toBeDefined();

    expect((await press(USERS.pat.id, police.action_id, police.value)).status).toBe(200);
    await h.muster.idle();

    const stored = (await h.muster.store.getIncident(incident.id))!;
    expect(stored.acknowledgements).toMatchObject([
      { agencyId: 'police', by: { id: 'slack:UPAT', name: 'Pat Police' } },
    ]);
    const updates = h.fake.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ channel: channelOf(incident), ts: card.ts });
    const updated = h.fake.messages(channelOf(incident)).find((m) => m.ts === card.ts)!;
    expect(updated.edited).toBe(true);
    expect(buttons(updated).some((b) => b.value.includes('"police"'))).toBe(false);
    expect(lastResponse()).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Police acknowledged'),
    });
  });

  it('tells a non-member why, ephemerally, and changes nothing', async () => {
    const police = buttons(card).find((b) => b.value.includes('"police"'))!;

    await press(USERS.outsider.id, police.action_id, police.value);
    await h.muster.idle();

    expect((await h.muster.store.getIncident(incident.id))!.acknowledgements).toEqual([]);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(lastResponse()).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Only members of SV-2027-0001'),
    });
  });

  it('lets a CSP coordinator act from outside the channel', async () => {
    h.fake.channel(channelOf(incident))!.members.delete(USERS.cara.id);
    const csp = buttons(card).find((b) => b.value.includes('"csp"'))!;

    await press(USERS.cara.id, csp.action_id, csp.value, 'D-elsewhere');
    await h.muster.idle();

    expect((await h.muster.store.getIncident(incident.id))!.acknowledgements).toMatchObject([
      { agencyId: 'csp' },
    ]);
  });

  it('refuses a forged button value as bad input, changing nothing', async () => {
    await press(USERS.pat.id, ACTIONS.acknowledge, '{"reference":"not-a-reference"}');
    await h.muster.idle();

    expect(lastResponse()?.text).toContain('is not an incident reference');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });
});

describe('reminder card buttons', () => {
  const value = (extra: Record<string, string>) => actionValue({ reference: incident.reference, ...extra });

  it('Record meeting opens the form, and its submission records the meeting and refreshes the card', async () => {
    await press(
      USERS.sio.id,
      ACTIONS.recordMeeting,
      value({ milestoneId: 'initial-meeting', meetingKind: 'initial' }),
    );
    await h.muster.idle();
    const view = h.fake.views.at(-1)!.view;
    expect(view.callback_id).toBe(CALLBACKS.recordMeeting);

    const submit = (at: string) =>
      h.slack.viewSubmission(
        {
          callback_id: CALLBACKS.recordMeeting,
          id: String(view.id),
          private_metadata: String(view.private_metadata),
          values: stateValues({
            kind: select('initial'),
            at: datetime(Date.parse(at) / 1000),
            held: select('held'),
            chair: userSelect(USERS.sio.id),
          }),
        },
        USERS.sio.id,
      );
    const future = await submit('2027-08-30T10:00:00+01:00');
    expect(future.json()).toMatchObject({
      response_action: 'errors',
      errors: { at: expect.stringContaining('future') },
    });

    const held = await submit('2027-08-28T08:00:00+01:00');
    expect(held.body).toBe('');
    await h.muster.idle();
    const stored = (await h.muster.store.getIncident(incident.id))!;
    expect(stored.status).toBe('initial-held');
    expect(stored.meetings).toMatchObject([
      { kind: 'initial', status: 'held', chair: { name: 'DCI Priya Patel' } },
    ]);
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
  });

  it('Mark done marks a manual milestone done; Snooze records a snooze to the next working day', async () => {
    await press(USERS.pat.id, ACTIONS.markDone, value({ milestoneId: 'minutes-initial' }));
    await press(
      USERS.pat.id,
      ACTIONS.snooze,
      value({ milestoneId: 'initial-meeting', reminderKey: 'initial-meeting:before-24h' }),
    );
    await h.muster.idle();

    const stored = (await h.muster.store.getIncident(incident.id))!;
    expect(stored.completions['minutes-initial']).toMatchObject({ by: { id: 'slack:UPAT' } });
    // Saturday 28 Aug 2027: Monday 30 is a bank holiday, so Tuesday 31 at 09:00.
    expect(stored.snoozes).toMatchObject([
      { milestoneId: 'initial-meeting', until: '2027-08-31T08:00:00.000Z' },
    ]);
    expect(h.fake.responses.map((r) => r.body.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('Marked done'), expect.stringContaining('Snoozed')]),
    );
  });
});

describe('Open (an incident list row)', () => {
  it('shows the incident card in a modal to a member, and refuses an outsider', async () => {
    const value = actionValue({ reference: incident.reference });
    await h.slack.blockAction({
      action_id: ACTIONS.openIncident,
      user: USERS.pat.id,
      value,
      view: { callback_id: '', id: 'VHOME' },
    });
    await h.slack.blockAction({
      action_id: ACTIONS.openIncident,
      user: USERS.outsider.id,
      value,
      view: { callback_id: '', id: 'VHOME' },
    });
    await h.muster.idle();

    const opened = h.fake.callsTo('views.open').at(-1)!.args.view as {
      title: { text: string };
      blocks: unknown[];
    };
    expect(opened.title.text).toBe('SV-2027-0001');
    expect(JSON.stringify(opened.blocks)).toContain('Market Street');
    expect(h.fake.callsTo('views.open').filter((c) => c.status === 200)).toHaveLength(2); // the form, then this
    // No message to reply under (the Home tab): the refusal comes as a direct message.
    expect(h.fake.messages(h.fake.dmWith(USERS.outsider.id)!.id).map((m) => m.text)).toEqual([
      expect.stringContaining('Only members of SV-2027-0001'),
    ]);
  });
});
