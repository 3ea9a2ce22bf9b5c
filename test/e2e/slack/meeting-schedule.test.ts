/**
 * Issue 6 end to end on Slack: `/incident meeting schedule` opens its form
 * in a modal; the submission records the meeting, posts the meeting card in
 * the channel with its calendar invitation (.ics), warns in bold when the
 * time misses the protocol's deadline, and the card's Start meeting button
 * puts the checklist in the channel. A time in the past lands under its
 * field and nothing changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS } from '../../../src/adapters/slack/ids.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import {
  datetime,
  type FakeMessage,
  multiSelect,
  select,
  stateValues,
  userSelect,
} from '../../fakes/fake-slack/index.js';
import {
  buttonsOf,
  itemSelects,
  runCommand,
  submitView,
  viewMetadata,
  type Where,
} from './command-journeys.js';
import { channelOf, type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

let h: Harness;
let incident: Incident;
let here: Where;

beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
  here = { id: channelOf(incident), name: h.fake.channel(channelOf(incident))!.name };
});
afterEach(async () => {
  await h.close();
});

const stored = async () => (await h.muster.store.getIncident(incident.id))!;
const seconds = (iso: string) => Date.parse(iso) / 1000;

/** Tue 31 Aug 2027 10:00 BST: before the initial meeting's deadline (Thu 2 Sep 15:00 BST). */
const ON_TIME = '2027-08-31T10:00:00+01:00';
/** Fri 3 Sep 2027 10:00 BST: after it. */
const LATE = '2027-09-03T10:00:00+01:00';

const answers = (at: string) =>
  stateValues({
    kind: select('initial'),
    at: datetime(seconds(at)),
    chair: userSelect(USERS.sio.id),
    attendees: multiSelect(['police', 'csp']),
  });

async function openScheduleForm() {
  const answer = await runCommand(h, 'meeting schedule', USERS.sio.id, here);
  expect(answer.view?.callback_id).toBe(CALLBACKS.registeredForm);
  return answer.view!;
}

const meetingCardIn = (): FakeMessage | undefined =>
  h.fake.messages(here.id).find((m) => JSON.stringify(m.blocks ?? []).includes(ACTIONS.startMeeting));

describe('/incident meeting schedule', () => {
  it('opens the form with a picker for each kind of answer', async () => {
    const view = await openScheduleForm();

    expect(viewMetadata(view)).toMatchObject({
      formId: 'schedule-meeting',
      context: { reference: incident.reference, grantedTo: USERS.sio.id },
    });
    const elements = (view.blocks as { type: string; element?: { type: string } }[])
      .filter((b) => b.type === 'input')
      .map((b) => b.element?.type);
    expect(elements).toEqual(['static_select', 'datetimepicker', 'users_select', 'multi_static_select']);
  });

  it('records the meeting, posts its card with the invitation, and refreshes the pinned card', async () => {
    const view = await openScheduleForm();

    const response = await submitView(h, view, answers(ON_TIME));
    await h.muster.idle();

    expect(response.body).toBe('');
    expect((await stored()).meetings).toMatchObject([{ kind: 'initial', status: 'scheduled' }]);
    const card = meetingCardIn();
    expect(card).toBeDefined();
    expect(card!.pinned).toBe(false);
    expect(JSON.stringify(card!.blocks)).not.toContain(':warning:');
    const invite = h.fake.uploads.find((u) => u.filename.endsWith('.ics'));
    expect(invite).toMatchObject({ channel: here.id });
    expect(invite!.content.toString('utf8')).toContain('DTSTART;TZID=Europe/London:20270831T100000');
    const pinned = h.fake.messages(here.id).find((m) => m.pinned)!;
    expect(h.fake.callsTo('chat.update').some((c) => c.args.ts === pinned.ts)).toBe(true);
  });

  it('warns in bold on the card when the time misses the protocol’s deadline', async () => {
    const view = await openScheduleForm();

    await submitView(h, view, answers(LATE));
    await h.muster.idle();

    expect(JSON.stringify(meetingCardIn()!.blocks)).toMatch(/:warning: \*[^*]*deadline/i);
  });

  it('puts a time in the past under its field and changes nothing', async () => {
    const view = await openScheduleForm();
    const before = await stored();

    const response = await submitView(h, view, answers('2027-08-27T10:00:00+01:00'));
    await h.muster.idle();

    expect(response.json()).toEqual({
      response_action: 'errors',
      errors: { at: expect.stringMatching(/past/) },
    });
    expect(await stored()).toEqual(before);
    expect(meetingCardIn()).toBeUndefined();
    expect(h.fake.uploads).toEqual([]);
  });

  it('Start meeting on the card puts the checklist in the channel', async () => {
    await submitView(h, await openScheduleForm(), answers(ON_TIME));
    await h.muster.idle();
    const card = meetingCardIn()!;
    const start = buttonsOf(card).find((b) => b.action_id === ACTIONS.startMeeting);
    expect(start).toBeDefined();

    await h.slack.blockAction({
      action_id: ACTIONS.startMeeting,
      user: USERS.sio.id,
      value: start!.value,
      channel: here.id,
      message: { ts: card.ts },
    });
    await h.muster.idle();

    expect(h.fake.messages(here.id).some((m) => itemSelects(m).length > 0)).toBe(true);
    expect((await stored()).meetingRecords).toHaveLength(1);
  });
});
