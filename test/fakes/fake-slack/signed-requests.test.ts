/**
 * The signed-request client against a bare receiver that checks signatures with
 * Bolt's own `verifySlackRequest`, so "signed like Slack" means "accepted by Bolt".
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkboxes,
  datetime,
  multiSelect,
  plainText,
  select,
  stateValues,
  userSelect,
} from './block-state-values.js';
import { type SlackRequestClient, slackRequest } from './signed-requests.js';

const SECRET = 'test-signing-secret';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let received: Received[];
let slack: SlackRequestClient;

beforeEach(async () => {
  received = [];
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    received.push({ headers: req.headers, body });
    try {
      verifySlackRequest({
        signingSecret: SECRET,
        body,
        headers: {
          'x-slack-signature': String(req.headers['x-slack-signature']),
          'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
        },
      });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ verified: true }));
    } catch (error) {
      res.writeHead(401).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  slack = slackRequest(`http://127.0.0.1:${port}`, SECRET, { responseUrl: 'http://127.0.0.1:1/respond/' });
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function lastPayload(): Record<string, unknown> {
  const form = new URLSearchParams(received.at(-1)?.body ?? '');
  return JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown>;
}

describe('signed Slack requests', () => {
  it('sends a slash command as a signed form that Bolt verifies', async () => {
    const response = await slack.command({
      command: '/incident',
      text: 'open Corby',
      user_id: 'U1',
      channel_id: 'C1',
    });

    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ verified: true });
    const form = Object.fromEntries(new URLSearchParams(received[0]?.body ?? ''));
    expect(form).toMatchObject({
      command: '/incident',
      text: 'open Corby',
      user_id: 'U1',
      channel_id: 'C1',
      team_id: 'T0001',
      response_url: 'http://127.0.0.1:1/respond/1',
    });
    expect(form.trigger_id).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    expect(received[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('can sign with the wrong secret, send a stale timestamp, or send nothing', async () => {
    const command = { command: '/incident', text: '', user_id: 'U1', channel_id: 'C1' };
    const forged = await slack.command(command, { badSignature: true });
    const stale = await slack.command(command, { staleTimestamp: true });
    const unsigned = await slack.command(command, { unsigned: true });

    expect(forged.status).toBe(401);
    expect(forged.body).toContain('signature mismatch');
    expect(stale.status).toBe(401);
    expect(stale.body).toContain('stale');
    expect(unsigned.status).toBe(401);
    expect(received[2]?.headers['x-slack-signature']).toBeUndefined();
  });

  it('marks a retried delivery with the retry headers', async () => {
    await slack.event({ type: 'app_mention', text: 'hi', user: 'U1', channel: 'C1' }, { retry: { num: 1 } });
    expect(received[0]?.headers).toMatchObject({
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
  });

  it('sends a view submission with realistic state values', async () => {
    const values = stateValues({
      when: datetime(1693580400),
      area: select({ value: 'corby', text: 'Corby' }),
      agencies: multiSelect(['police', 'nhs']),
      lead: { lead_user: userSelect('U2') },
      summary: plainText(''),
      flags: checkboxes(['weapon']),
    });
    const response = await slack.viewSubmission(
      { callback_id: 'open_incident', values, private_metadata: '{"channel":"C1"}' },
      { id: 'U1', name: 'alice' },
    );

    expect(response.status).toBe(200);
    const payload = lastPayload();
    expect(payload).toMatchObject({
      type: 'view_submission',
      user: { id: 'U1', username: 'alice', name: 'alice', team_id: 'T0001' },
      trigger_id: expect.any(String),
      view: {
        type: 'modal',
        callback_id: 'open_incident',
        private_metadata: '{"channel":"C1"}',
        id: expect.stringMatching(/^V/),
        hash: expect.any(String),
        state: {
          values: {
            when: { when: { type: 'datetimepicker', selected_date_time: 1693580400 } },
            area: {
              area: { type: 'static_select', selected_option: { value: 'corby', text: { text: 'Corby' } } },
            },
            agencies: {
              agencies: {
                type: 'multi_static_select',
                selected_options: [{ value: 'police' }, { value: 'nhs' }],
              },
            },
            lead: { lead_user: { type: 'users_select', selected_user: 'U2' } },
            summary: { summary: { type: 'plain_text_input', value: null } },
            flags: { flags: { type: 'checkboxes', selected_options: [{ value: 'weapon' }] } },
          },
        },
      },
    });
  });

  it('sends block actions from a message and from a modal', async () => {
    await slack.blockAction({
      action_id: 'ack_notification',
      value: 'INC-001',
      user: 'U1',
      channel: 'C1',
      message: { ts: '1693580400.000100', text: 'Please acknowledge' },
    });
    expect(lastPayload()).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: '1693580400.000100', channel_id: 'C1' },
      channel: { id: 'C1' },
      message: { ts: '1693580400.000100', text: 'Please acknowledge' },
      response_url: expect.stringContaining('/respond/'),
      actions: [{ action_id: 'ack_notification', value: 'INC-001', type: 'button' }],
    });

    await slack.blockAction({
      action_id: 'pick_area',
      element: select('kettering'),
      user: 'U1',
      view: { id: 'V9', callback_id: 'open_incident' },
    });
    const fromModal = lastPayload();
    expect(fromModal).toMatchObject({
      container: { type: 'view', view_id: 'V9' },
      view: { id: 'V9', callback_id: 'open_incident' },
      actions: [{ action_id: 'pick_area', type: 'static_select', selected_option: { value: 'kettering' } }],
    });
    expect(fromModal.response_url).toBeUndefined();
  });

  it('wraps events in an event_callback envelope and answers url_verification', async () => {
    await slack.event(
      { type: 'member_joined_channel', user: 'U1', channel: 'C1' },
      { envelope: { event_id: 'Ev1' } },
    );
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
      type: 'event_callback',
      team_id: 'T0001',
      event_id: 'Ev1',
      event: { type: 'member_joined_channel', user: 'U1', channel: 'C1', event_ts: expect.any(String) },
      authorizations: [{ user_id: 'UBOT', is_bot: true }],
    });
    expect(received[0]?.headers['content-type']).toBe('application/json');

    await slack.urlVerification('challenge-token');
    expect(JSON.parse(received[1]?.body ?? '{}')).toEqual({
      token: 'verification-token',
      challenge: 'challenge-token',
      type: 'url_verification',
    });
  });
});
