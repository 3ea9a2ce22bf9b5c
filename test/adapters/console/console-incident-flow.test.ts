import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from '../../../src/adapters/console/console-model.js';
import {
  buttons,
  type ConsoleHarness,
  goodReport,
  listen,
  messageEvent,
  OUTSIDER,
  reportIncident,
  startConsole,
  submitData,
} from './console-harness.js';

const SUBMIT = '/console/api/submit';
const CHANNEL = 'sv-2027-0001-corby';

/** The text of the card container holding the input `id`, e.g. its error under the field. */
function fieldText(card: unknown, id: string): string {
  const body = (card as { body: { type: string; items?: unknown[] }[] }).body;
  const container = body.find(
    (b) => b.type === 'Container' && JSON.stringify(b.items).includes(`"id":"${id}`),
  );
  return JSON.stringify(container ?? {});
}

async function messages(h: ConsoleHarness, channel: string, as: string): Promise<ConsoleMessage[]> {
  return (await h.get(`/console/api/messages?channel=${channel}`, as)).body.messages;
}

describe('console API: reporting an incident and acting on its card', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('sends a bad report back with each error under its field, and stores nothing', async () => {
    const form = await h.post(
      '/console/api/command',
      { channelId: 'coordination', text: '/incident' },
      'pat-police',
    );
    const context = submitData(form.body.form.card).context as Record<string, string>;
    const bad = goodReport(context, { location: '', sio: '', occurredAt__date: '2027-09-30' });
    const { status, body } = await h.post(SUBMIT, { channelId: 'coordination', data: bad }, 'pat-police');

    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.form.formId).toBe('new-incident');
    expect(fieldText(body.form.card, 'location')).toContain('This is required');
    expect(fieldText(body.form.card, 'sio')).toContain('Choose a person');
    expect(fieldText(body.form.card, 'occurredAt')).toMatch(/is in the future/i);
    expect(fieldText(body.form.card, 'area')).not.toContain('Attention');
    // What was right is kept, so only the wrong answers need retyping.
    expect(fieldText(body.form.card, 'description')).toContain('A stabbing outside a takeaway.');

    expect(await h.store.listIncidents()).toEqual([]);
    expect(
      (await h.get('/console/api/channels', 'cara-csp')).body.channels.map((c: { kind: string }) => c.kind),
    ).toEqual(['coordination', 'direct']);
  });

  it('opens a good report: its channel, members, pinned card, List 1 told directly and coordination told', async () => {
    const { status, body } = await reportIncident(h);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, channelId: CHANNEL });
    expect(body.reply).toMatchObject({ channelId: CHANNEL, ephemeralFor: 'pat-police', cardKind: 'notice' });
    expect(JSON.stringify(body.reply.card)).toContain('SV-2027-0001 is open in #sv-2027-0001-corby');

    const incident = await h.store.getIncident('SV-2027-0001');
    expect(incident?.sio).toEqual({ id: 'console:pat-police', name: 'Pat Police', contactId: 'pat-police' });
    expect(incident?.spaces.console?.completedAt).toBeDefined();

    const channels = (await h.get('/console/api/channels', 'sam-school')).body.channels;
    expect(channels).toContainEqual({
      id: CHANNEL,
      name: CHANNEL,
      kind: 'incident',
      reference: 'SV-2027-0001',
    });
    const [card] = await messages(h, CHANNEL, 'sam-school');
    expect(card).toMatchObject({ pinned: true, cardKind: 'incident', id: incident?.spaces.console?.cardRef });

    // List 1 in Corby: police, CSP and NHFT; schools are List 2 only, so Sam gets no direct notice.
    for (const contact of ['pat-police', 'cara-csp', 'nia-nhft']) {
      const direct = await messages(h, `dm-${contact}`, contact);
      expect(JSON.stringify(direct)).toContain('you are notified as a List 1 agency');
    }
    expect(JSON.stringify(await messages(h, 'dm-sam-school', 'sam-school'))).not.toContain('List 1 agency');
    const coordination = await messages(h, 'coordination', 'nia-nhft');
    expect(JSON.stringify(coordination)).toContain('New incident SV-2027-0001 opened');
  });

  it('opens one incident when the same form is submitted twice', async () => {
    const form = await h.post(
      '/console/api/command',
      { channelId: 'coordination', text: '/incident' },
      'pat-police',
    );
    const data = goodReport(submitData(form.body.form.card).context as Record<string, string>);
    expect((await h.post(SUBMIT, { channelId: 'coordination', data }, 'pat-police')).body.ok).toBe(true);
    const repeat = await h.post(SUBMIT, { channelId: 'coordination', data }, 'pat-police');
    expect(repeat.body.ok).toBe(false);
    expect(repeat.body.reply.text).toMatch(/already submitted/);
    expect(await h.store.listIncidents()).toHaveLength(1);
  });

  it('refuses an acknowledgement from someone outside the channel, and changes nothing', async () => {
    await reportIncident(h);
    const [card] = await messages(h, CHANNEL, 'pat-police');
    const police = buttons(card?.card).find((b) => b.value.includes('"police"'))!;
    const { status, body } = await h.post(SUBMIT, { channelId: 'coordination', data: police }, OUTSIDER);
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.reply).toMatchObject({ ephemeralFor: OUTSIDER });
    expect(body.reply.text).toMatch(/Only members of SV-2027-0001's channel and CSP coordinators/);
    expect((await h.store.getIncident('SV-2027-0001'))?.acknowledgements).toEqual([]);
    expect(h.logger.messages('info')).toContain('console button refused: not a member or coordinator');
  });

  it('updates the pinned card in place when a member acknowledges, and streams the update', async () => {
    await reportIncident(h);
    const stream = await listen(h.baseUrl, 'sam-school');
    const outsider = await listen(h.baseUrl, OUTSIDER);
    const [before] = await messages(h, CHANNEL, 'pat-police');
    const police = buttons(before?.card).find((b) => b.value.includes('"police"'))!;

    const { body } = await h.post(SUBMIT, { channelId: CHANNEL, data: police }, 'pat-police');
    expect(body).toMatchObject({ ok: true, reply: { text: 'Police acknowledged SV-2027-0001.' } });

    const update = await stream.next(messageEvent(before!.id));
    expect(JSON.stringify(update.data)).toContain('acknowledged by Pat Police');
    const after = await messages(h, CHANNEL, 'sam-school');
    expect(after.map((m) => m.id)).toEqual([before!.id]);
    expect(after[0]?.updatedAt).toBeDefined();
    // Pat's ephemeral answer went to Pat alone; the outsider saw nothing of the private channel.
    expect(stream.events.some((e) => e.event === 'message' && (e.data as ConsoleMessage).ephemeralFor)).toBe(
      false,
    );
    expect(outsider.events.filter((e) => e.event === 'message')).toEqual([]);
    stream.close();
    outsider.close();
  });

  it('says so when an agency had already acknowledged, without touching the card', async () => {
    await reportIncident(h);
    const [card] = await messages(h, CHANNEL, 'pat-police');
    const police = buttons(card?.card).find((b) => b.value.includes('"police"'))!;
    await h.post(SUBMIT, { channelId: CHANNEL, data: police }, 'pat-police');
    const updatedAt = (await messages(h, CHANNEL, 'pat-police'))[0]?.updatedAt;
    h.baseClock.advance(60_000);
    const again = await h.post(SUBMIT, { channelId: CHANNEL, data: police }, 'cara-csp');
    expect(again.body.reply.text).toMatch(/had already acknowledged SV-2027-0001 \(Pat Police/);
    expect((await messages(h, CHANNEL, 'pat-police'))[0]?.updatedAt).toBe(updatedAt);
  });

  it('records a meeting from the Record meeting button: errors on the field, then the card moves on', async () => {
    await reportIncident(h);
    const value = JSON.stringify({ reference: 'SV-2027-0001', meetingKind: 'initial' });
    const opened = await h.post(
      SUBMIT,
      { channelId: CHANNEL, data: { verb: 'record-meeting', value } },
      'cara-csp',
    );
    expect(opened.body.form.formId).toBe('record-meeting');
    const submit = submitData(opened.body.form.card);
    const data = {
      ...submit,
      kind: 'initial',
      at__date: '2027-09-01',
      at__time: '10:00',
      held: 'held',
      chair: 'pat-police',
    };

    const future = await h.post(SUBMIT, { channelId: CHANNEL, data }, 'cara-csp');
    expect(future.body.ok).toBe(false);
    expect(fieldText(future.body.form.card, 'at')).toMatch(/is in the future/i);

    const held = await h.post(
      SUBMIT,
      { channelId: CHANNEL, data: { ...data, at__date: '2027-08-28', at__time: '08:00' } },
      'cara-csp',
    );
    expect(held.body.ok).toBe(true);
    expect(JSON.stringify(held.body.reply.card)).toContain('SV-2027-0001: initial meeting held');
    const incident = await h.store.getIncident('SV-2027-0001');
    expect(incident?.meetings).toMatchObject([
      { kind: 'initial', status: 'held', chair: { name: 'Pat Police' } },
    ]);
    expect(JSON.stringify((await messages(h, CHANNEL, 'cara-csp'))[0]?.card)).toContain(
      'Initial meeting held',
    );
  });

  it('answers a request that is neither a form nor a button with 400', async () => {
    const { status, body } = await h.post(
      SUBMIT,
      { channelId: 'coordination', data: { hello: 1 } },
      'pat-police',
    );
    expect(status).toBe(400);
    expect(body.error).toMatch(/neither a Muster form/);
    const forged = await h.post(
      SUBMIT,
      { channelId: 'coordination', data: { verb: 'delete-all', value: '{}' } },
      'pat-police',
    );
    expect(forged.status).toBe(400);
  });

  it('answers a stale or forged button value ephemerally, changing nothing', async () => {
    const data = { verb: 'acknowledge', value: '{"reference":"SV-2027-0999","agencyId":"police"}' };
    const { status, body } = await h.post(SUBMIT, { channelId: 'coordination', data }, 'pat-police');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, reply: { ephemeralFor: 'pat-police' } });
    expect(body.reply.text).toMatch(/There is no incident SV-2027-0999/);
  });
});
