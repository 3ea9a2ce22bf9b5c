/**
 * The console running a meeting over HTTP, as the page does: scheduling it
 * (a form, then the meeting card and its .ics for everyone), starting it (the
 * checklist posted in the channel), ticking an item (the same message updated
 * in place, and streamed) and working on one (a refused answer comes back
 * under its field, and nothing is stored).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from '../../../src/adapters/console/console-model.js';
import {
  buttons,
  type ConsoleHarness,
  listen,
  messageEvent,
  OUTSIDER,
  reportIncident,
  startConsole,
  submitData,
} from './console-harness.js';

const COMMAND = '/console/api/command';
const SUBMIT = '/console/api/submit';
const CHANNEL = 'sv-2027-0001-corby';
const REFERENCE = 'SV-2027-0001';

async function messages(h: ConsoleHarness, channel: string, as: string): Promise<ConsoleMessage[]> {
  return (await h.get(`/console/api/messages?channel=${channel}`, as)).body.messages;
}

/** The text of the card container holding the input `id`, e.g. its error under the field. */
function fieldText(card: unknown, id: string): string {
  const containers: unknown[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Container' && JSON.stringify(record.items).includes(`"id":"${id}`))
        containers.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk((card as { body: unknown }).body);
  return JSON.stringify(containers.at(-1) ?? {});
}

const command = (h: ConsoleHarness, text: string, as = 'pat-police', channelId = CHANNEL) =>
  h.post(COMMAND, { channelId, text }, as);

/** The store's view of the incident and its audit, to show a refusal changed nothing. */
async function snapshot(h: ConsoleHarness) {
  const incident = await h.store.getIncident(REFERENCE);
  return { incident, events: await h.store.listEvents(incident!.id) };
}

describe('console API: running a meeting in the incident channel', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
    await reportIncident(h);
  });
  afterEach(() => h.close());

  it('schedules a meeting from its form: the meeting card and its .ics invitation for everyone', async () => {
    const opened = await command(h, '/incident meeting schedule initial', 'cara-csp');
    expect(opened.status).toBe(200);
    const { form } = opened.body;
    expect(form.formId).toBe('schedule-meeting');
    const data = {
      ...submitData(form.card),
      kind: 'initial',
      at__date: '2027-08-31',
      at__time: '10:00',
      chair: 'pat-police',
      attendees: 'police,csp,schools',
    };
    const { body } = await h.post(SUBMIT, { channelId: CHANNEL, data }, 'cara-csp');
    expect(body.ok).toBe(true);
    expect(body.reply).toMatchObject({ ephemeralFor: 'cara-csp' });

    const seen = await messages(h, CHANNEL, 'sam-school');
    const card = seen.find((m) => m.cardKind === 'meeting');
    expect(card?.ephemeralFor).toBeUndefined();
    expect(JSON.stringify(card?.card)).toContain('Tue 31 Aug 2027 10:00 BST');
    expect(buttons(card?.card).map((b) => b.verb)).toEqual(['start-meeting']);
    const invite = seen.flatMap((m) => m.files ?? []).find((f) => f.filename.endsWith('.ics'));
    expect(invite?.mimeType).toMatch(/^text\/calendar/);
    const download = await h.get(`/console/files?id=${invite?.id}`, 'sam-school');
    expect(download.status).toBe(200);
    expect(download.body).toContain('BEGIN:VCALENDAR');
    expect(download.body).toContain('DTSTART;TZID=Europe/London:20270831T100000');
    expect((await h.store.getIncident(REFERENCE))?.meetings).toMatchObject([
      { kind: 'initial', status: 'scheduled' },
    ]);

    // The card's Start meeting button runs it: the checklist follows in the channel.
    const [start] = buttons(card?.card);
    const started = await h.post(SUBMIT, { channelId: CHANNEL, data: start }, 'pat-police');
    expect(started.body.ok).toBe(true);
    const checklists = (await messages(h, CHANNEL, 'sam-school')).filter((m) => m.cardKind === 'checklist');
    expect(checklists).toHaveLength(1);
  });

  it('starts the meeting: the checklist is posted for everyone, the starter told alone', async () => {
    const { status, body } = await command(h, '/incident meeting start initial');
    expect(status).toBe(200);
    expect(body.reply).toMatchObject({ ephemeralFor: 'pat-police' });
    expect(body.reply.text).toMatch(/started/);

    const checklist = (await messages(h, CHANNEL, 'sam-school')).find((m) => m.cardKind === 'checklist');
    expect(checklist?.ephemeralFor).toBeUndefined();
    const text = JSON.stringify(checklist?.card);
    expect(text).toContain('Incident reporting');
    expect(text).toContain('Ensure immediate response is in place');
    const verbs = buttons(checklist?.card).map((b) => b.verb);
    expect(verbs).toEqual(
      expect.arrayContaining(['tick-item', 'work-item', 'record-attendance', 'end-meeting']),
    );
  });

  it('ticks an item from the checklist: the same message is updated in place and streamed', async () => {
    await command(h, '/incident meeting start initial');
    const [checklist] = (await messages(h, CHANNEL, 'pat-police')).filter((m) => m.cardKind === 'checklist');
    const stream = await listen(h.baseUrl, 'sam-school');
    const tick = buttons(checklist?.card).find((b) => b.verb === 'tick-item')!;
    const { itemId } = JSON.parse(tick.value) as { itemId: string };

    const { body } = await h.post(SUBMIT, { channelId: CHANNEL, data: tick }, 'cara-csp');
    expect(body.ok).toBe(true);

    const update = await stream.next(messageEvent(checklist!.id));
    expect((update.data as ConsoleMessage).updatedAt).toBeDefined();
    const after = (await messages(h, CHANNEL, 'pat-police')).filter((m) => m.cardKind === 'checklist');
    expect(after.map((m) => m.id)).toEqual([checklist!.id]);
    const untick = buttons(after[0]?.card).find((b) => b.verb === 'tick-item' && b.value === tick.value);
    expect(untick).toBeDefined();
    expect(JSON.stringify(after[0]?.card)).toContain('1 of 5 done');
    const record = (await h.store.getIncident(REFERENCE))?.meetingRecords?.[0];
    expect(record?.items.find((i) => i.itemId === itemId)?.done).toBe(true);
    expect(record?.cardRefs?.console).toBe(checklist!.id);
    stream.close();
  });

  it('refuses a checklist button from someone outside the channel, changing nothing but the audit', async () => {
    await command(h, '/incident meeting start initial');
    const [checklist] = (await messages(h, CHANNEL, 'pat-police')).filter((m) => m.cardKind === 'checklist');
    const tick = buttons(checklist?.card).find((b) => b.verb === 'tick-item')!;
    const before = await snapshot(h);
    const { body } = await h.post(SUBMIT, { channelId: 'coordination', data: tick }, OUTSIDER);
    expect(body).toMatchObject({ ok: false, reply: { ephemeralFor: OUTSIDER } });
    const after = await snapshot(h);
    expect(after.incident).toEqual(before.incident);
    expect(after.events.slice(0, before.events.length)).toEqual(before.events);
    expect(after.events.slice(before.events.length)).toMatchObject([
      { type: 'access.refused', data: { asked: 'press tick-item' } },
    ]);
  });

  it('sends a bad answer to Work on it back under its field, with the answers kept and nothing stored', async () => {
    await command(h, '/incident meeting start initial');
    const [checklist] = (await messages(h, CHANNEL, 'pat-police')).filter((m) => m.cardKind === 'checklist');
    const work = buttons(checklist?.card).find((b) => b.verb === 'work-item')!;
    const opened = await h.post(SUBMIT, { channelId: CHANNEL, data: work }, 'pat-police');
    expect(opened.body.form.formId).toBe('checklist-item');
    const card = opened.body.form.card;
    // People are offered from the directory, as in every console form.
    expect(fieldText(card, 'assignPerson')).toContain('Cara CSP (Community Safety Partnership)');

    const before = await snapshot(h);
    const data = {
      ...submitData(card),
      done: 'done',
      note: 'Scene cordon lifted at 08:00',
      makeAction: 'yes',
      priority: 'first',
    };
    const { status, body } = await h.post(SUBMIT, { channelId: CHANNEL, data }, 'pat-police');
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.form.formId).toBe('checklist-item');
    expect(fieldText(body.form.card, 'priority')).toContain('Give the priority as a number from 1');
    expect(fieldText(body.form.card, 'priority')).toContain('Attention');
    expect(fieldText(body.form.card, 'note')).toContain('Scene cordon lifted at 08:00');
    expect(fieldText(body.form.card, 'note')).not.toContain('Attention');
    expect(await snapshot(h)).toEqual(before);
  });

  it('ends the meeting: the checklist keeps its place with no buttons left', async () => {
    await command(h, '/incident meeting start initial');
    const { body } = await command(h, '/incident meeting end');
    expect(body.reply.text).toMatch(/ended and recorded as held/);
    const checklists = (await messages(h, CHANNEL, 'pat-police')).filter((m) => m.cardKind === 'checklist');
    expect(checklists).toHaveLength(1);
    expect(buttons(checklists[0]?.card)).toEqual([]);
  });

  it('answers a subcommand it cannot read with the problem and the usage', async () => {
    const { body } = await command(h, '/incident meeting later');
    expect(body.reply).toMatchObject({ ephemeralFor: 'pat-police' });
    expect(body.reply.text).toBe(
      '"later" is not schedule, start or end. Usage: /incident meeting schedule|start|end [initial|review|final|ad-hoc]',
    );
  });

  it('says where to run a subcommand typed outside an incident channel without a reference', async () => {
    const { body } = await command(h, '/incident meeting start', 'pat-police', 'coordination');
    expect(body.reply.text).toMatch(/This is not an incident channel/);
  });
});
