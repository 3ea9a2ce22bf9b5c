/**
 * The quarterly round's card on Slack: `/plan round start` sends each lead a
 * direct message with the action, its RAG now, latest update and deadline,
 * and Red / Amber / Green / Update… buttons. A button opens the update modal
 * with that RAG chosen; submitting it records the answer and thanks the lead.
 * Someone else's press opens nothing; a blank answer stays in the modal
 * under its field with nothing written.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS } from '../../../src/adapters/slack/ids.js';
import { importAshfieldPlan } from '../../app/plans/plan-fixtures.js';
import { plainText, select, stateValues } from '../../fakes/fake-slack/index.js';
import { buttonsOf, submitView, toldTo, viewMetadata } from './command-journeys.js';
import { type Harness, startHarness, USERS } from './slack-harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.clock.set('2024-07-01T10:00:00+01:00');
  await importAshfieldPlan(h.muster.deps);
  const started = await h.slack.command({
    command: '/plan',
    text: 'round start ashfield-2024 2024/25 Q2 by 2024-07-05',
    user_id: USERS.cara.id,
    channel_id: 'CGENERAL',
    channel_name: 'general',
  });
  expect(started.status).toBe(200);
  await h.muster.idle();
});
afterEach(async () => {
  await h.close();
});

/** Sam's card about action 1.3 in Sam's DM with the app. */
function samCard() {
  const dm = h.fake.dmWith(USERS.sam.id)!;
  const card = h.fake.messages(dm.id).find((m) => m.text.includes('update for action 1.3'))!;
  expect(card).toBeDefined();
  return { dm: dm.id, card };
}

function press(user: string, button: { action_id: string; value: string }, channel: string, ts: string) {
  return h.slack.blockAction({
    action_id: button.action_id,
    user,
    value: button.value,
    channel,
    message: { ts },
  });
}

const stored = async () => (await h.muster.store.getPlan('ashfield-2024'))!;

it('sends each lead a DM card with the action, its RAG, the deadline and four buttons', async () => {
  const { card } = samCard();
  expect(card.text).toBe('2024/25 Q2 update for action 1.3 of Ashfield plan');
  const shown = JSON.stringify(card.blocks);
  expect(shown).toContain('*Action 1.3:* The Safer Streets 5 Project');
  expect(shown).toContain('AMBER');
  expect(shown).toContain('Fri 5 Jul 2024 at 17:00');
  expect(shown).toContain('/plan update ashfield-2024 1.3');
  expect(buttonsOf(card).map((b) => b.action_id)).toEqual([
    `${ACTIONS.planUpdate}_red`,
    `${ACTIONS.planUpdate}_amber`,
    `${ACTIONS.planUpdate}_green`,
    ACTIONS.planUpdate,
  ]);
  // Slack refuses two elements with one action id in a block: the four sit in one actions block.
  const actions = (card.blocks as { type: string }[]).filter((b) => b.type === 'actions');
  expect(actions).toHaveLength(1);
});

it('opens the modal with the RAG of the button chosen, and records the lead’s answer', async () => {
  const { dm, card } = samCard();
  const red = buttonsOf(card).find((b) => b.action_id === `${ACTIONS.planUpdate}_red`)!;
  expect((await press(USERS.sam.id, red, dm, card.ts)).status).toBe(200);
  await h.muster.idle();

  const opened = h.fake.callsTo('views.open').at(-1)!.args as { view: Record<string, unknown> };
  const view = h.fake.views.at(-1)!.view;
  expect(opened.view.callback_id).toBe(CALLBACKS.registeredForm);
  expect(viewMetadata(view)).toMatchObject({
    formId: 'plan-update',
    context: { planId: 'ashfield-2024', actionNumber: '1.3', grantedTo: USERS.sam.id },
  });
  const rag = (view.blocks as { block_id?: string; element?: { initial_option?: { value: string } } }[]).find(
    (b) => b.block_id === 'rag',
  );
  expect(rag?.element?.initial_option?.value).toBe('red');

  const before = await stored();
  const blank = await submitView(
    h,
    view,
    stateValues({ rag: select('red'), progress: plainText(null) }),
    USERS.sam.id,
  );
  expect(blank.json()).toMatchObject({ response_action: 'errors', errors: { progress: expect.any(String) } });
  expect(await stored()).toEqual(before);

  const sent = await submitView(
    h,
    view,
    stateValues({ rag: select('red'), progress: plainText('Funding delayed to Q3.') }),
    USERS.sam.id,
  );
  expect(sent.body).toBe('');
  await h.muster.idle();
  const action = (await stored()).actions.find((a) => a.number === '1.3')!;
  expect(action.rag).toBe('red');
  expect(action.updates.at(-1)).toMatchObject({ text: 'Funding delayed to Q3.', by: { id: 'slack:USAM' } });
  expect(toldTo(h, USERS.sam.id).join('\n')).toContain('Thanks — action 1.3 is now RED for 2024/25 Q2.');
});

it('opens nothing for someone who does not lead the action, and tells them why', async () => {
  const { dm, card } = samCard();
  const green = buttonsOf(card).find((b) => b.action_id === `${ACTIONS.planUpdate}_green`)!;
  const viewsBefore = h.fake.callsTo('views.open').length;
  await press(USERS.pat.id, green, dm, card.ts);
  await h.muster.idle();
  expect(h.fake.callsTo('views.open')).toHaveLength(viewsBefore);
  expect(JSON.stringify(h.fake.responses.at(-1)?.body)).toContain('Only Sam School (the lead for 1.3)');
});
