/**
 * The action plan from the console's composer, as the page drives it: adding
 * an action through its form (a bad answer comes back under its field with
 * nothing stored), a progress update whose "yellow" is recorded as amber with
 * who and when, the plan as a card with an Add update button per open
 * action, and the plan exported as files anyone in the channel can download.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from '../../../src/adapters/console/console-model.js';
import {
  buttons,
  type ConsoleHarness,
  OUTSIDER,
  reportIncident,
  startConsole,
  submitData,
} from './console-harness.js';

const COMMAND = '/console/api/command';
const SUBMIT = '/console/api/submit';
const CHANNEL = 'sv-2027-0001-corby';
const REFERENCE = 'SV-2027-0001';

const command = (h: ConsoleHarness, text: string, as = 'pat-police', channelId = CHANNEL) =>
  h.post(COMMAND, { channelId, text }, as);

async function messages(h: ConsoleHarness, channel: string, as: string): Promise<ConsoleMessage[]> {
  return (await h.get(`/console/api/messages?channel=${channel}`, as)).body.messages;
}

/** The container of the form holding the input `id`, as text: its value and any error under it. */
function fieldText(card: { body: { type: string; items?: unknown[] }[] }, id: string): string {
  const container = card.body.find(
    (b) => b.type === 'Container' && JSON.stringify(b.items).includes(`"id":"${id}"`),
  );
  return JSON.stringify(container ?? {});
}

async function snapshot(h: ConsoleHarness) {
  const incident = await h.store.getIncident(REFERENCE);
  return { incident, events: await h.store.listEvents(incident!.id) };
}

/** `/incident action add` as Pat, the form filled in with `answers` over good ones, submitted. */
async function addAction(h: ConsoleHarness, answers: Record<string, string> = {}) {
  const opened = await command(h, '/incident action add');
  const data = {
    ...submitData(opened.body.form.card),
    priority: '1',
    priorityTitle: 'Community reassurance',
    description: 'High-visibility patrols around Market Street',
    leadAgency: 'police',
    owner: 'pat-police',
    due: '2027-09-03',
    rag: 'green',
    ...answers,
  };
  return h.post(SUBMIT, { channelId: CHANNEL, data }, 'pat-police');
}

describe('console API: the action plan', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
    await reportIncident(h);
  });
  afterEach(() => h.close());

  it('opens the add-action form with the asker preset as owner and the directory to choose from', async () => {
    const { body } = await command(h, '/incident action add 2');
    expect(body.form.formId).toBe('add-action');
    expect(fieldText(body.form.card, 'owner')).toContain('"value":"pat-police"');
    expect(fieldText(body.form.card, 'owner')).toContain('Nia NHFT (NHFT)');
    expect(fieldText(body.form.card, 'priority')).toContain('"value":"2"');
  });

  it('sends a bad action back with the error under its field and the answers kept, storing nothing', async () => {
    const before = await snapshot(h);
    const { status, body } = await addAction(h, { due: 'next Friday' });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.form.formId).toBe('add-action');
    expect(fieldText(body.form.card, 'due')).toContain('Attention');
    expect(fieldText(body.form.card, 'description')).toContain(
      'High-visibility patrols around Market Street',
    );
    expect(fieldText(body.form.card, 'description')).not.toContain('Attention');
    expect(await snapshot(h)).toEqual(before);
  });

  it('adds an action, then records "yellow" as amber with who and when, and shows it in the plan', async () => {
    const added = await addAction(h);
    expect(added.body.ok).toBe(true);
    expect(added.body.reply).toMatchObject({ ephemeralFor: 'pat-police' });
    expect((await h.store.getIncident(REFERENCE))?.actions).toMatchObject([
      { number: '1.1', rag: 'green', owner: { name: 'Pat Police' } },
    ]);

    const opened = await command(h, '/incident update 1.1', 'cara-csp');
    expect(opened.body.form.formId).toBe('progress-update');
    const data = {
      ...submitData(opened.body.form.card),
      action: '1.1',
      progress: 'Patrols started',
      rag: 'yellow',
    };
    const updated = await h.post(SUBMIT, { channelId: CHANNEL, data }, 'cara-csp');
    expect(updated.body.ok).toBe(true);
    const [action] = (await h.store.getIncident(REFERENCE))?.actions ?? [];
    expect(action?.rag).toBe('amber');
    expect(action?.updates.at(-1)).toMatchObject({
      text: 'Patrols started',
      rag: 'amber',
      previousRag: 'green',
      by: { id: 'console:cara-csp', name: 'Cara CSP' },
      at: '2027-08-28T08:00:00.000Z',
    });

    const plan = await command(h, '/incident actions', 'sam-school');
    expect(plan.body.reply).toMatchObject({ ephemeralFor: 'sam-school', cardKind: 'action-list' });
    const card = JSON.stringify(plan.body.reply.card);
    expect(card).toContain('High-visibility patrols around Market Street');
    expect(card).toContain('"text":"AMBER","weight":"Bolder","color":"Warning"');
    expect(card).toContain('Patrols started');
    const [addUpdate] = buttons(plan.body.reply.card);
    expect(addUpdate).toMatchObject({ verb: 'add-update' });
    const pressed = await h.post(SUBMIT, { channelId: CHANNEL, data: addUpdate }, 'sam-school');
    expect(pressed.body.form).toBeDefined();
  });

  it('says what was filtered when nothing matches', async () => {
    await addAction(h);
    const { body } = await command(h, '/incident actions rag:red');
    expect(body.reply.cardKind).toBe('action-list');
    expect(JSON.stringify(body.reply.card)).toContain('Filtered: RAG red');
    expect(buttons(body.reply.card)).toEqual([]);
  });

  it('refuses an update of an action that does not exist, listing the plan', async () => {
    await addAction(h);
    const before = await snapshot(h);
    const { body } = await command(h, '/incident update 4.1');
    expect(body.ok).toBe(false);
    expect(body.reply.text).toMatch(/SV-2027-0001 has no action 4\.1[\s\S]*1\.1/);
    expect(await snapshot(h)).toEqual(before);
  });

  it('exports the plan as XLSX and CSV in the channel, downloadable by its members only', async () => {
    await addAction(h);
    const { body } = await command(h, '/incident export plan', 'cara-csp');
    expect(body.reply).toMatchObject({ ephemeralFor: 'cara-csp' });

    const posted = (await messages(h, CHANNEL, 'sam-school')).find((m) => m.files?.length);
    expect(posted?.ephemeralFor).toBeUndefined();
    const files = posted?.files ?? [];
    expect(files.map((f) => f.filename.split('.').at(-1)).sort()).toEqual(['csv', 'xlsx']);

    const csv = files.find((f) => f.filename.endsWith('.csv'))!;
    const download = await h.get(`/console/files?id=${csv.id}`, 'sam-school');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(csv.filename);
    expect(download.body).toContain('High-visibility patrols around Market Street');

    const xlsx = files.find((f) => f.filename.endsWith('.xlsx'))!;
    const sheet = await fetch(`${h.baseUrl}/console/files?id=${xlsx.id}&as=sam-school`);
    expect(sheet.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    // An XLSX is a zip: it starts with "PK".
    expect(
      Buffer.from(await sheet.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await h.get(`/console/files?id=${csv.id}`, OUTSIDER)).status).toBe(404);
  });
});
