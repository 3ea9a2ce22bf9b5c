/**
 * The quarterly round's card in the console: each lead finds it in their
 * direct messages with Red / Amber / Green / Update… buttons that open the
 * update form in the dialog, the RAG chosen, and the form on the card
 * itself. Either way the answer is recorded and the lead thanked; a blank
 * answer comes back under its field, and someone else's changes nothing.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { COORDINATOR_REQUEST, fixture } from '../../app/plans/plan-fixtures.js';
import { buttons, type ConsoleHarness, startConsole, submitData } from './console-harness.js';

const SUBMIT = '/console/api/submit';
const SAM_DM = 'dm-sam-school';
let h: ConsoleHarness;

beforeEach(async () => {
  h = await startConsole();
  await importPlan(h.deps, {
    planId: 'ashfield-2024',
    title: 'Ashfield plan',
    files: [await fixture('ashfield-actions.csv')],
    ...COORDINATOR_REQUEST,
  });
  const started = await h.post(
    '/console/api/command',
    { channelId: 'coordination', text: '/plan round start ashfield-2024 2027/28 Q2 by 2027-09-03' },
    'cara-csp',
  );
  expect(started.status).toBe(200);
});
afterEach(() => h.close());

/** Sam's card about action 1.3, as the page receives it. */
async function samCard(): Promise<Record<string, unknown>> {
  const { body } = await h.get(`/console/api/messages?channel=${SAM_DM}`, 'sam-school');
  const messages = (Array.isArray(body) ? body : body.messages) as { cardKind?: string; card?: unknown }[];
  const card = messages.find(
    (m) => m.cardKind === 'plan-update' && JSON.stringify(m.card).includes('update for action 1.3'),
  )?.card;
  expect(card).toBeDefined();
  return card as Record<string, unknown>;
}

/** The value an input of a card shows. */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const item = node as Record<string, unknown>;
      if (item.id === id && String(item.type).startsWith('Input.')) found = item.value;
      Object.values(item).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const stored = async () => (await h.store.getPlan('ashfield-2024'))!;

it('opens the form from a RAG button with that RAG chosen, and records the answer', async () => {
  const card = await samCard();
  const planButtons = buttons(card);
  expect(planButtons.map((b) => b.verb)).toEqual([
    'plan-update',
    'plan-update',
    'plan-update',
    'plan-update',
  ]);
  const green = planButtons.find((b) => b.value.includes('"green"'))!;

  const pressed = await h.post(SUBMIT, { channelId: SAM_DM, data: green }, 'sam-school');
  expect(pressed.body.form.formId).toBe('plan-update');
  const form = pressed.body.form.card;
  expect(inputValue(form, 'rag')).toBe('green');

  const before = await stored();
  const blank = await h.post(
    SUBMIT,
    { channelId: SAM_DM, data: { ...submitData(form), rag: 'green' } },
    'sam-school',
  );
  expect(blank.body.ok).toBe(false);
  expect(JSON.stringify(blank.body.form.card)).toContain('Say what has happened since the last update');
  expect(await stored()).toEqual(before);

  const sent = await h.post(
    SUBMIT,
    { channelId: SAM_DM, data: { ...submitData(form), rag: 'green', progress: 'Project delivered.' } },
    'sam-school',
  );
  expect(sent.body).toMatchObject({
    ok: true,
    reply: { text: 'Thanks — action 1.3 is now GREEN for 2027/28 Q2.' },
  });
  const action = (await stored()).actions.find((a) => a.number === '1.3')!;
  expect(action.rag).toBe('green');
  expect(action.updates.at(-1)).toMatchObject({
    text: 'Project delivered.',
    by: { id: 'console:sam-school' },
  });
});

it('takes the answer from the form on the card itself', async () => {
  const card = await samCard();
  expect(inputValue(card, 'rag')).toBe('amber');
  const sent = await h.post(
    SUBMIT,
    { channelId: SAM_DM, data: { ...submitData(card), rag: 'red', progress: 'Funding delayed.' } },
    'sam-school',
  );
  expect(sent.body.reply.text).toBe('Thanks — action 1.3 is now RED for 2027/28 Q2.');
  expect((await stored()).actions.find((a) => a.number === '1.3')!.rag).toBe('red');
});

it('opens nothing for someone who does not lead the action, and changes nothing', async () => {
  const card = await samCard();
  const before = await stored();
  const red = buttons(card).find((b) => b.value.includes('"red"'))!;
  const pressed = await h.post(SUBMIT, { channelId: 'dm-pat-police', data: red }, 'pat-police');
  expect(pressed.body.form).toBeUndefined();
  expect(pressed.body).toMatchObject({
    ok: false,
    reply: { text: expect.stringContaining('Only Sam School') },
  });
  const sent = await h.post(
    SUBMIT,
    { channelId: 'dm-pat-police', data: { ...submitData(card), rag: 'red', progress: 'Not mine.' } },
    'pat-police',
  );
  expect(sent.body.ok).toBe(false);
  expect(await stored()).toEqual(before);
});
