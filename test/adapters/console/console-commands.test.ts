import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConsoleHarness, OUTSIDER, reportIncident, startConsole } from './console-harness.js';

const COMMAND = '/console/api/command';

describe('console API: who you are, what you see, and the composer', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('lists the partnership, the people one can act as, and the simulated time in the session', async () => {
    const { status, body } = await h.get('/console/api/session');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      partnership: 'Test Partnership',
      simulated: true,
      zone: 'Europe/London',
      now: '2027-08-28T08:00:00.000Z',
      nowText: 'Sat 28 Aug 2027 09:00 BST',
    });
    expect(body.people).toContainEqual({
      id: 'cara-csp',
      name: 'Cara CSP',
      role: 'Coordinator',
      agency: 'Community Safety Partnership',
      coordinator: true,
    });
    expect(body.people.find((p: { id: string }) => p.id === 'pat-police').coordinator).toBe(false);
  });

  it('refuses a request that says nobody, or somebody not in the directory, and says what to send', async () => {
    const missing = await h.get('/console/api/channels');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/x-muster-user header or \?as=/);
    const unknown = await h.get('/console/api/channels?as=mallory');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/"mallory" is not a contact/);
  });

  it('shows everyone the coordination channel and their own direct messages, and nothing else of others', async () => {
    const { body } = await h.get('/console/api/channels', 'pat-police');
    expect(body.channels).toEqual([
      { id: 'coordination', name: 'csp-coordination', kind: 'coordination' },
      { id: 'dm-pat-police', name: 'Muster', kind: 'direct' },
    ]);
    await h.get('/console/api/channels', 'nia-nhft');
    expect((await h.get('/console/api/messages?channel=dm-nia-nhft', 'nia-nhft')).status).toBe(200);
    expect((await h.get('/console/api/messages?channel=dm-nia-nhft', 'pat-police')).status).toBe(403);
    expect((await h.get('/console/api/messages?channel=nowhere', 'pat-police')).status).toBe(404);
  });

  it('opens the notification form for /incident, with people to choose and the reporter preset', async () => {
    const { status, body } = await h.post(
      COMMAND,
      { channelId: 'coordination', text: '/incident' },
      'pat-police',
    );
    expect(status).toBe(200);
    expect(body.form.formId).toBe('new-incident');
    expect(body.form.card).toMatchObject({ type: 'AdaptiveCard' });
    const inputs = JSON.stringify(body.form.card);
    expect(inputs).toContain('"id":"sio"');
    const reporter = findInput(body.form.card, 'reportedBy');
    expect(reporter).toMatchObject({ type: 'Input.ChoiceSet', value: 'pat-police' });
    expect(reporter.choices).toContainEqual({ title: 'Nia NHFT (NHFT)', value: 'nia-nhft' });
    // The same form for "/incident new".
    const again = await h.post(COMMAND, { channelId: 'coordination', text: '/incident new' }, 'pat-police');
    expect(again.body.form.formId).toBe('new-incident');
  });

  it('answers /incident help, list and unknown words ephemerally, to the asker alone', async () => {
    const help = await h.post(COMMAND, { channelId: 'coordination', text: '/incident help' }, 'pat-police');
    expect(help.body.reply).toMatchObject({
      cardKind: 'help',
      ephemeralFor: 'pat-police',
      channelId: 'coordination',
    });
    const list = await h.post(COMMAND, { channelId: 'coordination', text: '/incident list' }, 'pat-police');
    expect(list.body.reply.cardKind).toBe('incident-list');
    expect(JSON.stringify(list.body.reply.card)).toContain('No open incidents.');
    const unknown = await h.post(
      COMMAND,
      { channelId: 'coordination', text: '/incident dance' },
      'pat-police',
    );
    expect(JSON.stringify(unknown.body.reply.card)).toContain('Unknown command \\"dance\\"');
    const other = await h.post(COMMAND, { channelId: 'coordination', text: '/deploy now' }, 'pat-police');
    expect(JSON.stringify(other.body.reply.card)).toContain('Unknown command \\"/deploy\\"');

    const seenByCara = await h.get('/console/api/messages?channel=coordination', 'cara-csp');
    expect(seenByCara.body.messages).toEqual([]);
    const seenByPat = await h.get('/console/api/messages?channel=coordination', 'pat-police');
    expect(seenByPat.body.messages).toHaveLength(4);
  });

  it('posts plain text as the person’s own chat message, for everyone in the channel', async () => {
    const { body } = await h.post(COMMAND, { channelId: 'coordination', text: 'Morning all' }, 'pat-police');
    expect(body.posted).toMatchObject({
      text: 'Morning all',
      author: { name: 'Pat Police', contactId: 'pat-police' },
    });
    expect(body.posted.ephemeralFor).toBeUndefined();
    const seen = await h.get('/console/api/messages?channel=coordination', 'nia-nhft');
    expect(seen.body.messages.map((m: { text?: string }) => m.text)).toEqual(['Morning all']);
  });

  it('refuses a malformed command request with 400 and changes nothing', async () => {
    expect((await h.post(COMMAND, { channelId: 'coordination' }, 'pat-police')).status).toBe(400);
    expect((await h.post(COMMAND, 'not json', 'pat-police')).status).toBe(400);
    expect((await h.post(COMMAND, { channelId: 'coordination', text: '   ' }, 'pat-police')).status).toBe(
      400,
    );
    expect((await h.get('/console/api/messages?channel=coordination', 'pat-police')).body.messages).toEqual(
      [],
    );
  });

  it('shows the incident card for /incident status in its channel, and asks for a reference elsewhere', async () => {
    const opened = await reportIncident(h);
    const channelId = opened.body.channelId;
    const inChannel = await h.post(COMMAND, { channelId, text: '/incident status' }, 'nia-nhft');
    expect(inChannel.body.reply).toMatchObject({ cardKind: 'incident', ephemeralFor: 'nia-nhft' });
    expect(JSON.stringify(inChannel.body.reply.card)).toContain('SV-2027-0001');

    const elsewhere = await h.post(
      COMMAND,
      { channelId: 'coordination', text: '/incident status' },
      'nia-nhft',
    );
    expect(elsewhere.body.reply.text).toMatch(/not an incident channel/);
    const byReference = await h.post(
      COMMAND,
      { channelId: 'coordination', text: '/incident status sv-2027-0001' },
      'cara-csp',
    );
    expect(byReference.body.reply.cardKind).toBe('incident');
  });

  it('keeps an incident from someone outside its channel, by reference or by channel', async () => {
    const opened = await reportIncident(h);
    const refused = await h.post(
      COMMAND,
      { channelId: 'coordination', text: '/incident status SV-2027-0001' },
      OUTSIDER,
    );
    expect(refused.body.reply.text).toMatch(/Only members of SV-2027-0001's channel and CSP coordinators/);
    expect(refused.body.reply.card).toBeUndefined();
    const channel = await h.get(`/console/api/messages?channel=${opened.body.channelId}`, OUTSIDER);
    expect(channel.status).toBe(403);
    const channels = await h.get('/console/api/channels', OUTSIDER);
    expect(channels.body.channels.map((c: { id: string }) => c.id)).not.toContain(opened.body.channelId);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: walking untyped card JSON.
function findInput(card: unknown, id: string): any {
  if (Array.isArray(card)) {
    for (const item of card) {
      const hit = findInput(item, id);
      if (hit) return hit;
    }
  } else if (card && typeof card === 'object') {
    const record = card as Record<string, unknown>;
    if (record.id === id && String(record.type).startsWith('Input.')) return record;
    for (const value of Object.values(record)) {
      const hit = findInput(value, id);
      if (hit) return hit;
    }
  }
  return undefined;
}
