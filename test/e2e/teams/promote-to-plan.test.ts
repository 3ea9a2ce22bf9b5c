/**
 * Promote to plan on Teams (issue 9): a coordinator's "actions" card has a
 * Promote to plan button on each row (Action.Submit `{ verb, value }`);
 * pressing it answers with the promote-to-plan form card, whose submission
 * copies the action into the strategic plan with the link kept both ways.
 * Another member's card has no such button.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { importAshfieldPlan } from '../../app/plans/plan-fixtures.js';
import { type ConnectorMessage, cardOf, textOf } from '../../fakes/fake-teams/index.js';
import {
  buttonsIn,
  formAnswers,
  type Harness,
  inChannel,
  inputValue,
  reportIncident,
  spaceOf,
  startHarness,
  USERS,
} from './teams-harness.js';

let h: Harness;
let incident: Incident;
beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
  const form = await ask(USERS.pat, 'action add 1');
  await h.submit(
    USERS.pat,
    channel(),
    formAnswers(cardOf(form), {
      priority: '1',
      priorityTitle: 'Community reassurance',
      description: 'Visit the school with the neighbourhood team',
      leadAgency: 'police',
      owner: 'pat-police',
      due: '2027-09-10',
      rag: 'green',
    }),
    form.id,
  );
  await importAshfieldPlan(h.muster.deps);
});
afterEach(async () => {
  await h.close();
});

const channel = () => inChannel(spaceOf(incident), 'sv-2027-0001-corby');

async function ask(who: typeof USERS.pat, text: string): Promise<ConnectorMessage> {
  await h.say(who, channel(), text, { mention: true });
  return h.connector.messages(spaceOf(incident)).at(-1)!;
}

it('answers Promote to plan with the form, and promotes the action when it is sent', async () => {
  const list = await ask(USERS.cara, 'actions');
  const buttons = buttonsIn(cardOf(list));
  expect(buttons.map((b) => b.title)).toEqual(['Add update', 'Promote to plan']);

  await h.submit(USERS.cara, channel(), buttons[1]!.data, list.id);
  const form = h.connector.messages(spaceOf(incident)).at(-1)!;
  expect(formAnswers(cardOf(form), {})).toEqual({
    formId: 'promote-to-plan',
    context: { reference: incident.reference, actionNumber: '1.1' },
  });
  expect(inputValue(cardOf(form), 'planId')).toBe('ashfield-2024');
  expect(inputValue(cardOf(form), 'priorityNumber')).toBe('1');

  await h.submit(
    USERS.cara,
    channel(),
    formAnswers(cardOf(form), { planId: 'ashfield-2024', priorityNumber: '4' }),
    form.id,
  );
  const plan = (await h.muster.store.getPlan('ashfield-2024'))!;
  expect(plan.actions.find((a) => a.number === '4.2')).toMatchObject({
    description: 'Visit the school with the neighbourhood team',
  });
  expect(plan.links).toEqual([
    expect.objectContaining({ incidentReference: incident.reference, incidentActionNumber: '1.1' }),
  ]);
  expect(textOf(h.connector.message(form.id))).toContain(
    `${incident.reference} action 1.1 is now action 4.2 of Ashfield plan`,
  );
});

it('gives a member who is not a coordinator no Promote to plan button', async () => {
  const list = await ask(USERS.pat, 'actions');
  expect(buttonsIn(cardOf(list)).map((b) => b.title)).toEqual(['Add update']);
});
