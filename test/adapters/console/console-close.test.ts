/**
 * Closing and reopening an incident from the console: only the SIO or a CSP
 * coordinator may close; the close form archives the incident channel, whose
 * history stays readable while the composer takes nothing; reopening brings
 * it back. And the incident's audit as `/incident timeline` shows it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConsoleHarness, listen, reportIncident, startConsole, submitData } from './console-harness.js';

const COMMAND = '/console/api/command';
const SUBMIT = '/console/api/submit';
const CHANNEL = 'sv-2027-0001-corby';
const REFERENCE = 'SV-2027-0001';

const command = (h: ConsoleHarness, text: string, as: string, channelId = CHANNEL) =>
  h.post(COMMAND, { channelId, text }, as);

async function channel(h: ConsoleHarness, as: string) {
  const { body } = await h.get('/console/api/channels', as);
  return body.channels.find((c: { id: string }) => c.id === CHANNEL);
}

async function snapshot(h: ConsoleHarness) {
  const incident = await h.store.getIncident(REFERENCE);
  return { incident, events: await h.store.listEvents(incident!.id) };
}

describe('console API: closing and reopening an incident', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
    await reportIncident(h);
  });
  afterEach(() => h.close());

  it('refuses /incident close from a channel member who is neither the SIO nor a coordinator', async () => {
    const before = await snapshot(h);
    const { status, body } = await command(h, '/incident close', 'sam-school');
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.form).toBeUndefined();
    expect(body.reply).toMatchObject({ ephemeralFor: 'sam-school' });
    expect(body.reply.text).toMatch(/SIO|coordinator/);
    const after = await snapshot(h);
    expect(after.incident).toEqual(before.incident);
    expect((await channel(h, 'sam-school')).archived).toBeUndefined();
  });

  it('asks the SIO for a reason, refusing a blank one under its field and storing nothing', async () => {
    const opened = await command(h, '/incident close', 'pat-police');
    expect(opened.body.form.formId).toBe('close-incident');
    const before = await snapshot(h);
    const data = { ...submitData(opened.body.form.card), reason: '   ' };
    const { body } = await h.post(SUBMIT, { channelId: CHANNEL, data }, 'pat-police');
    expect(body.ok).toBe(false);
    expect(JSON.stringify(body.form.card)).toMatch(/Say why SV-2027-0001 is closed/);
    expect(await snapshot(h)).toEqual(before);
  });

  it('closes for the SIO: the channel is archived, readable, and takes no more posts until reopened', async () => {
    const stream = await listen(h.baseUrl, 'sam-school');
    const opened = await command(h, '/incident close', 'pat-police');
    const data = {
      ...submitData(opened.body.form.card),
      reason: 'Merged into SV-2027-0000 by the partnership.',
    };
    const closed = await h.post(SUBMIT, { channelId: CHANNEL, data }, 'pat-police');
    expect(closed.body.ok).toBe(true);
    expect(closed.body.reply.text).toMatch(/SV-2027-0001 is closed/);
    expect((await h.store.getIncident(REFERENCE))?.status).toBe('closed');

    expect(await channel(h, 'sam-school')).toMatchObject({ id: CHANNEL, archived: true });
    await stream.next((e) => e.event === 'channel' && (e.data as { archived?: boolean }).archived === true);
    const history = await h.get(`/console/api/messages?channel=${CHANNEL}`, 'sam-school');
    expect(history.status).toBe(200);
    expect(history.body.messages.length).toBeGreaterThan(0);

    const chat = await command(h, 'Anyone still here?', 'sam-school');
    expect(chat.status).toBe(409);
    expect(chat.body.error).toMatch(/archived because SV-2027-0001 is closed/);
    expect(chat.body.error).toMatch(/\/incident reopen SV-2027-0001/);
    const typed = await command(h, '/incident status', 'pat-police');
    expect(typed.status).toBe(409);

    const reopened = await command(
      h,
      `/incident reopen ${REFERENCE} new evidence`,
      'pat-police',
      'coordination',
    );
    expect(reopened.body.reply.text).toMatch(/SV-2027-0001 is reopened/);
    expect((await h.store.getIncident(REFERENCE))?.status).not.toBe('closed');
    expect((await channel(h, 'sam-school')).archived).toBeUndefined();
    const again = await command(h, 'Back again.', 'sam-school');
    expect(again.status).toBe(200);
    expect(again.body.posted).toMatchObject({ text: 'Back again.', channelId: CHANNEL });
    stream.close();
  });

  it('keeps the archived state across a restart', async () => {
    const opened = await command(h, '/incident close', 'cara-csp');
    const data = { ...submitData(opened.body.form.card), reason: 'Partnership agreed no further action.' };
    expect((await h.post(SUBMIT, { channelId: CHANNEL, data }, 'cara-csp')).body.ok).toBe(true);
    await h.restart();
    expect((await channel(h, 'cara-csp')).archived).toBe(true);
    expect((await command(h, 'hello', 'cara-csp')).status).toBe(409);
  });
});

describe('console API: /incident timeline', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
    await reportIncident(h);
  });
  afterEach(() => h.close());

  it('shows the incident’s audit as a card, for the person alone', async () => {
    const { body } = await command(h, '/incident timeline', 'sam-school');
    expect(body.reply).toMatchObject({ ephemeralFor: 'sam-school', cardKind: 'timeline' });
    const text = JSON.stringify(body.reply.card);
    expect(text).toContain(REFERENCE);
    expect(text).toContain('Pat Police');
  });
});
