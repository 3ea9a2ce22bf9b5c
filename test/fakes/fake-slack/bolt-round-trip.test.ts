/**
 * A real Bolt app between the two halves of the fake: the signed client plays
 * Slack calling the app, the fake server plays Slack being called. If Bolt
 * accepts our payloads and our answers, tests built on them mean something.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { plainText, stateValues } from './block-state-values.js';
import { type FakeSlack, startFakeSlack } from './fake-slack-server.js';
import { type SlackRequestClient, slackRequest } from './signed-requests.js';

const SECRET = 'round-trip-secret';

let fake: FakeSlack;
let app: App;
let server: Server;
let slack: SlackRequestClient;

beforeEach(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U1', email: 'alice@example.org', name: 'alice' }] });
  app = new App({
    token: 'xoxb-test',
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  slack = slackRequest(`http://127.0.0.1:${port}`, SECRET, { responseUrl: fake.responseUrl });
});

afterEach(async () => {
  server.closeAllConnections();
  await app.stop();
  await fake.close();
});

it('runs a slash command through Bolt: ack, respond() and a Web API call all reach the fake', async () => {
  app.command('/incident', async ({ ack, respond, client, command }) => {
    await ack();
    await respond({ text: `Opening ${command.text}`, response_type: 'ephemeral' });
    await client.chat.postMessage({ channel: 'U1', text: `Incident opened by <@${command.user_id}>` });
  });

  const response = await slack.command({
    command: '/incident',
    text: 'Corby',
    user_id: 'U1',
    channel_id: 'C1',
  });

  expect(response.status).toBe(200);
  await expect.poll(() => fake.callsTo('chat.postMessage').length).toBe(1);
  expect(fake.responses).toMatchObject([{ body: { text: 'Opening Corby', response_type: 'ephemeral' } }]);
  expect(fake.messages(fake.dmWith('U1')?.id ?? '')).toMatchObject([{ text: 'Incident opened by <@U1>' }]);
  expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
});

it('returns a view submission ack body, such as field errors, to the caller', async () => {
  app.view('open_incident', async ({ ack, view }) => {
    const summary = view.state.values.summary?.summary?.value;
    if (!summary) await ack({ response_action: 'errors', errors: { summary: 'Say what happened' } });
    else await ack();
  });

  const response = await slack.viewSubmission(
    { callback_id: 'open_incident', values: stateValues({ summary: plainText('') }) },
    'U1',
  );

  expect(response.status).toBe(200);
  expect(response.json()).toEqual({ response_action: 'errors', errors: { summary: 'Say what happened' } });
});

it('is refused by Bolt when badly signed or stale', async () => {
  let handled = 0;
  app.command('/incident', async ({ ack }) => {
    handled += 1;
    await ack();
  });
  const command = { command: '/incident', text: '', user_id: 'U1', channel_id: 'C1' };

  expect((await slack.command(command, { badSignature: true })).status).toBe(401);
  expect((await slack.command(command, { staleTimestamp: true })).status).toBe(401);
  expect(handled).toBe(0);
});
