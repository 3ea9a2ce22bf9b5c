/**
 * Issue 6 end to end on Slack: running a meeting in the incident's channel.
 * `/incident meeting start` posts the checklist; choosing an item in a
 * section's select opens the item's form; its submission is minuted and the
 * same checklist message is updated in place; bad answers land under their
 * fields and change nothing; `/incident meeting end` closes the checklist and
 * drafts the minutes; `/incident export minutes` circulates them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS } from '../../../src/adapters/slack/ids.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { type FakeMessage, plainText, select, stateValues } from '../../fakes/fake-slack/index.js';
import {
  buttonsOf,
  chooseItem,
  itemSelects,
  runCommand,
  submitView,
  toldTo,
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

/** Starts the initial meeting and returns the checklist message posted in the channel. */
async function startMeeting(): Promise<FakeMessage> {
  const answer = await runCommand(h, 'meeting start', USERS.sio.id, here);
  expect(answer.all).toContain('Initial meeting started: the checklist is posted in the channel.');
  const checklist = h.fake.messages(here.id).find((m) => itemSelects(m).length > 0);
  expect(checklist).toBeDefined();
  return checklist!;
}

const checklistNow = (ts: string) => h.fake.messages(here.id).find((m) => m.ts === ts)!;

/** Opens the form of the third item of the first section ("Ensure immediate response is in place"). */
async function openItemForm(checklist: FakeMessage, user = USERS.pat.id) {
  const [first] = itemSelects(checklist);
  await chooseItem(h, checklist, { select: first!, option: first!.options[2]! }, user);
  const view = h.fake.views.at(-1)!.view;
  expect(view.callback_id).toBe(CALLBACKS.registeredForm);
  return view;
}

describe('meeting start', () => {
  it('posts the whole toolkit checklist in the channel and remembers the message to update', async () => {
    const checklist = await startMeeting();

    expect(itemSelects(checklist)).toHaveLength(9);
    expect(checklist.blocks!.length).toBeLessThanOrEqual(50);
    expect(checklist.pinned).toBe(false);
    const record = (await stored()).meetingRecords?.at(-1);
    expect(record).toMatchObject({ kind: 'initial', cardRefs: { slack: checklist.ts } });
    expect(JSON.stringify(checklist.blocks)).not.toContain(ACTIONS.tickItem);
  });

  it('refuses a second start while a meeting runs, ephemerally, posting nothing', async () => {
    await startMeeting();
    const before = h.fake.messages(here.id).length;

    const again = await runCommand(h, 'meeting start', USERS.sio.id, here);

    expect(again.replies).toEqual([expect.objectContaining({ response_type: 'ephemeral' })]);
    expect(h.fake.messages(here.id)).toHaveLength(before);
  });
});

describe('working on a checklist item', () => {
  it('opens the item form from the select, with the whole context in the modal', async () => {
    const checklist = await startMeeting();
    const view = await openItemForm(checklist);

    expect(viewMetadata(view)).toEqual({
      formId: 'checklist-item',
      context: {
        reference: incident.reference,
        meetingId: expect.any(String),
        sectionId: 'incident-reporting',
        itemId: 'immediate-response',
        grantedTo: USERS.pat.id,
      },
    });
    expect(JSON.stringify(view.blocks)).toContain('Ensure immediate response is in place');
  });

  it('minutes a decision, ticks the item and updates the same checklist message in place', async () => {
    const checklist = await startMeeting();
    const view = await openItemForm(checklist);

    const response = await submitView(
      h,
      view,
      stateValues({ done: select('done'), decision: plainText('Police to run patrols on Market Street') }),
      USERS.pat.id,
    );
    await h.muster.idle();

    expect(response.body).toBe('');
    const item = (await stored()).meetingRecords
      ?.at(-1)
      ?.items.find((i) => i.itemId === 'immediate-response');
    expect(item).toMatchObject({ done: true, decisions: ['Police to run patrols on Market Street'] });
    const updates = h.fake.callsTo('chat.update').filter((c) => c.args.ts === checklist.ts);
    expect(updates).toHaveLength(1);
    const updated = checklistNow(checklist.ts);
    expect(updated.edited).toBe(true);
    expect(JSON.stringify(updated.blocks)).toContain('✅ Ensure immediate response is in place — ');
    expect(JSON.stringify(updated.blocks)).toContain('1 decision');
    expect(toldTo(h, USERS.pat.id).join('\n')).toMatch(/decision/i);
  });

  it('puts problems under their fields and changes nothing', async () => {
    const checklist = await startMeeting();
    const view = await openItemForm(checklist);
    const before = await stored();

    const response = await submitView(
      h,
      view,
      stateValues({ done: select('not-yet'), makeAction: select('yes'), priority: plainText('1') }),
      USERS.pat.id,
    );
    await h.muster.idle();

    const body = response.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(['actionLead', 'actionOwner']));
    expect(await stored()).toEqual(before);
    expect(h.fake.callsTo('chat.update').filter((c) => c.args.ts === checklist.ts)).toEqual([]);
  });

  it('refuses someone outside the channel who chooses an item, opening nothing', async () => {
    const checklist = await startMeeting();
    const viewsBefore = h.fake.callsTo('views.open').length;
    const [first] = itemSelects(checklist);

    await chooseItem(h, checklist, { select: first!, option: first!.options[0]! }, USERS.outsider.id);

    expect(h.fake.callsTo('views.open')).toHaveLength(viewsBefore);
    expect(h.fake.responses.at(-1)?.body.text).toContain('Only members of SV-2027-0001');
  });
});

describe('the checklist’s own buttons', () => {
  it('Record attendance opens its form, and the submission shows on the checklist', async () => {
    const checklist = await startMeeting();
    const button = buttonsOf(checklist).find((b) => b.action_id === ACTIONS.recordAttendance)!;
    expect(button).toBeDefined();

    await h.slack.blockAction({
      action_id: button.action_id,
      user: USERS.cara.id,
      value: button.value,
      channel: here.id,
      message: { ts: checklist.ts },
    });
    await h.muster.idle();
    const view = h.fake.views.at(-1)!.view;
    expect(viewMetadata(view).formId).toBe('attendance');

    const response = await submitView(
      h,
      view,
      stateValues({ agency: select('police'), name: plainText('Pat Police'), present: select('present') }),
      USERS.cara.id,
    );
    await h.muster.idle();

    expect(response.body).toBe('');
    expect((await stored()).meetingRecords?.at(-1)?.attendance).toEqual([
      { agencyId: 'police', name: 'Pat Police', present: true },
    ]);
    expect(JSON.stringify(checklistNow(checklist.ts).blocks)).toContain('Pat Police');
  });
});

describe('meeting end and the minutes', () => {
  it('closes the checklist, drafts the minutes in the channel, then export circulates them to List 1', async () => {
    const checklist = await startMeeting();

    const ended = await runCommand(h, 'meeting end', USERS.sio.id, here);

    expect(ended.all).toContain('Minutes drafted');
    const closed = checklistNow(checklist.ts);
    expect(itemSelects(closed)).toEqual([]);
    expect(JSON.stringify(closed.blocks)).not.toContain('"type":"actions"');
    expect((await stored()).status).toBe('initial-held');
    expect(h.fake.uploads.map((u) => u.filename)).toEqual([expect.stringMatching(/minutes.*draft\.md$/)]);

    const exported = await runCommand(h, 'export minutes', USERS.cara.id, here);

    expect(exported.replies).toEqual([expect.objectContaining({ response_type: 'ephemeral' })]);
    const circulated = h.fake.uploads.slice(1);
    const inChannel = circulated.filter((u) => u.channel === here.id).map((u) => u.filename);
    expect(inChannel).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.docx$/), expect.stringMatching(/\.md$/)]),
    );
    const direct = circulated.filter((u) => u.channel?.startsWith('D'));
    expect(direct.length).toBeGreaterThan(0);
    expect((await stored()).completions['minutes-initial']).toBeDefined();
  });
});
