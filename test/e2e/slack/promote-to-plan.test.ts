/**
 * Promote to plan on Slack (issue 9): the coordinator's `/incident actions`
 * has a Promote to plan button on each row (in an actions block under the
 * row, beside Add update); pressing it opens the promote-to-plan modal (a
 * registered form) with the plan and its priorities; submitting it copies
 * the action into the plan with the link kept both ways. A non-coordinator's
 * list has no such button, and their press (a stale or forwarded card) opens
 * nothing.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ACTIONS, CALLBACKS } from '../../../src/adapters/slack/ids.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { importAshfieldPlan } from '../../app/plans/plan-fixtures.js';
import {
  type FakeMessage,
  plainText,
  select,
  stateValues,
  userSelect,
} from '../../fakes/fake-slack/index.js';
import { buttonsOf, runCommand, submitView, toldTo, viewMetadata, type Where } from './command-journeys.js';
import { channelOf, type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

let h: Harness;
let incident: Incident;
let here: Where;

beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
  here = { id: channelOf(incident), name: h.fake.channel(channelOf(incident))!.name };
  const added = await runCommand(h, 'action add', USERS.sio.id, here);
  await submitView(
    h,
    added.view!,
    stateValues({
      priority: plainText('2'),
      priorityTitle: plainText('Community reassurance'),
      description: plainText('Lighting survey of the underpass'),
      leadAgency: select('police'),
      owner: userSelect(USERS.pat.id),
      due: plainText('2027-09-10'),
      rag: select('amber'),
    }),
  );
  await h.muster.idle();
  await importAshfieldPlan(h.muster.deps);
});
afterEach(async () => {
  await h.close();
});

/** The buttons of the action list a person was shown (ephemerally) for `/incident actions`. */
async function actionListButtons(user: string) {
  const answer = await runCommand(h, 'actions', user, here);
  expect(answer.replies).toHaveLength(1);
  return buttonsOf({ blocks: answer.replies[0]!.blocks } as FakeMessage);
}

it('opens the promote form from the coordinator’s action list and promotes on submit', async () => {
  const buttons = await actionListButtons(USERS.cara.id);
  expect(buttons.map((b) => b.action_id)).toEqual([ACTIONS.addUpdate, ACTIONS.promoteToPlan]);
  const promote = buttons[1]!;

  const viewsBefore = h.fake.callsTo('views.open').length;
  const pressed = await h.slack.blockAction({
    action_id: promote.action_id,
    user: USERS.cara.id,
    value: promote.value,
    channel: here.id,
  });
  expect(pressed.status).toBe(200);
  await h.muster.idle();
  expect(h.fake.callsTo('views.open')).toHaveLength(viewsBefore + 1);
  const view = h.fake.views.at(-1)!.view;
  expect(view.callback_id).toBe(CALLBACKS.registeredForm);
  expect(viewMetadata(view)).toMatchObject({
    formId: 'promote-to-plan',
    context: { reference: incident.reference, actionNumber: '2.1', grantedTo: USERS.cara.id },
  });
  expect(JSON.stringify(view.blocks)).toContain('2. System Approach');

  const response = await submitView(
    h,
    view,
    stateValues({ planId: select('ashfield-2024'), priorityNumber: select('2') }),
    USERS.cara.id,
  );
  await h.muster.idle();
  expect(response.body).toBe('');
  const plan = (await h.muster.store.getPlan('ashfield-2024'))!;
  expect(plan.actions.find((a) => a.number === '2.3')).toMatchObject({
    description: 'Lighting survey of the underpass',
    rag: 'amber',
  });
  expect(plan.links).toEqual([
    expect.objectContaining({ incidentReference: incident.reference, incidentActionNumber: '2.1' }),
  ]);
  expect(toldTo(h, USERS.cara.id).join('\n')).toContain(
    `${incident.reference} action 2.1 is now action 2.3 of Ashfield plan`,
  );
});

it('shows no Promote to plan to a member who is not a coordinator, and their press opens nothing', async () => {
  const buttons = await actionListButtons(USERS.pat.id);
  expect(buttons.map((b) => b.action_id)).toEqual([ACTIONS.addUpdate]);

  const viewsBefore = h.fake.callsTo('views.open').length;
  await h.slack.blockAction({
    action_id: ACTIONS.promoteToPlan,
    user: USERS.pat.id,
    value: JSON.stringify({ reference: incident.reference, actionNumber: '2.1' }),
    channel: here.id,
  });
  await h.muster.idle();
  expect(h.fake.callsTo('views.open')).toHaveLength(viewsBefore);
  expect(JSON.stringify(h.fake.responses.at(-1)?.body)).toContain('Only CSP coordinators can promote');
  expect((await h.muster.store.getPlan('ashfield-2024'))!.links).toEqual([]);
});
