/**
 * A button or modal from before an upgrade (an id Muster no longer renders)
 * still gets its ack, so Slack shows the person no error, and nothing runs.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Harness, startHarness, USERS } from './slack-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

it('acks an action id and a modal callback it does not know, and changes nothing', async () => {
  const pressed = await h.slack.blockAction({
    action_id: 'muster_retired_button',
    user: USERS.cara.id,
    value: '{}',
    channel: 'CGENERAL',
    message: { ts: '1.000001' },
  });
  const submitted = await h.slack.viewSubmission(
    { callback_id: 'muster_retired_modal', id: 'VOLD', values: {} },
    USERS.cara.id,
  );
  await h.muster.idle();

  expect([pressed.status, pressed.body]).toEqual([200, '']);
  expect([submitted.status, submitted.body]).toEqual([200, '']);
  expect(h.logger.messages('info')).toEqual(
    expect.arrayContaining([
      'a Slack action Muster does not know was ignored',
      'a Slack modal Muster does not know was submitted',
    ]),
  );
  expect(await h.muster.store.listIncidents()).toEqual([]);
  expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
});
