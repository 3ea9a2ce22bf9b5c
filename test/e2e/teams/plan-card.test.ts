/**
 * The quarterly round's card on Teams: each lead gets an Adaptive Card in
 * their chat with the bot (cards/plan-update.json) carrying the RAG choice,
 * the progress box and Send update, plus Red / Amber / Green / Update…
 * buttons that answer with the update form, the RAG chosen. Sending the card
 * records the answer in place of it; someone else's answer changes nothing.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importAshfieldPlan } from '../../app/plans/plan-fixtures.js';
import { type ConnectorMessage, cardOf, textOf } from '../../fakes/fake-teams/index.js';
import {
  buttonsIn,
  formAnswers,
  type Harness,
  inputValue,
  personal,
  startHarness,
  USERS,
} from './teams-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.clock.set('2024-07-01T10:00:00+01:00');
  await importAshfieldPlan(h.muster.deps);
  // Sam writes first, so the bot knows Sam's chat; Muster opens one for anyone it has not met.
  await h.say(USERS.sam, personal(USERS.sam), 'plan list');
  await h.say(USERS.cara, personal(USERS.cara), 'plan round start ashfield-2024 2024/25 Q2 by 2024-07-05');
});
afterEach(async () => {
  await h.close();
});

function cardAbout(actionNumber: string): ConnectorMessage {
  const found = h.connector
    .messages()
    .find((m) =>
      JSON.stringify(cardOf(m) ?? {}).includes(`update for action ${actionNumber} of Ashfield plan`),
    );
  if (!found) throw new Error(`no card about action ${actionNumber}`);
  return found;
}

const stored = async () => (await h.muster.store.getPlan('ashfield-2024'))!;
const where = (message: ConnectorMessage) => ({
  kind: 'personal' as const,
  conversationId: message.conversationId,
});

it('sends each lead a card with the RAG choice, the progress box and the RAG buttons', async () => {
  const card = cardOf(cardAbout('1.3'));
  expect(inputValue(card, 'rag')).toBe('amber');
  expect(inputValue(card, 'progress')).toBeUndefined();
  expect(JSON.stringify(card)).toContain('Fri 5 Jul 2024 at 17:00');
  expect(buttonsIn(card).map((b) => [b.title, b.data.verb])).toEqual([
    ['Red', 'plan-update'],
    ['Amber', 'plan-update'],
    ['Green', 'plan-update'],
    ['Update…', 'plan-update'],
  ]);
  expect(formAnswers(card, {})).toEqual({
    formId: 'plan-update',
    context: { planId: 'ashfield-2024', actionNumber: '1.3' },
  });
  expect(cardAbout('1.3').conversationId).toBe('a:dm-aad-sam');
});

it('records the answer sent from the card itself, and thanks the lead in its place', async () => {
  const message = cardAbout('1.3');
  const response = await h.submit(
    USERS.sam,
    where(message),
    formAnswers(cardOf(message), { rag: 'green', progress: 'Project delivered.' }),
    message.id,
  );
  expect(response.status).toBe(200);
  const action = (await stored()).actions.find((a) => a.number === '1.3')!;
  expect(action.rag).toBe('green');
  expect(action.updates.at(-1)).toMatchObject({ text: 'Project delivered.', by: { id: 'teams:aad-sam' } });
  expect(textOf(h.connector.message(message.id))).toContain(
    'Thanks — action 1.3 is now GREEN for 2024/25 Q2.',
  );
});

it('answers a RAG button with the update form, that RAG chosen', async () => {
  const message = cardAbout('1.3');
  const red = buttonsIn(cardOf(message)).find((b) => b.title === 'Red')!;
  const response = await h.execute(USERS.sam, where(message), 'plan-update', red.data);
  expect(response.status).toBe(200);
  const body = response.body as { value: Record<string, unknown> };
  expect(inputValue(body.value, 'rag')).toBe('red');
  expect(formAnswers(body.value, {})).toMatchObject({ formId: 'plan-update' });
});

it('refuses an answer from someone who does not lead the action, changing nothing', async () => {
  const message = cardAbout('1.3');
  const before = await stored();
  await h.submit(
    USERS.pat,
    personal(USERS.pat),
    formAnswers(cardOf(message), { rag: 'red', progress: 'Not mine.' }),
  );
  expect(await stored()).toEqual(before);
  const said = h.connector
    .messages()
    .map((m) => textOf(m))
    .join('\n');
  expect(said).toContain('Only Sam School (the lead for 1.3) or a CSP coordinator can update it');
});
