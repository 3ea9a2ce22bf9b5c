/**
 * Plays Slack's side of the app's HTTP endpoint: sends slash commands,
 * interactivity payloads and Events API callbacks, encoded and signed the way
 * Slack does (v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`), and can send
 * them badly signed, stale, or as retries.
 */
import { createHmac } from 'node:crypto';
import { FAKE_TEAM_ID } from './fake-slack-types.js';
import {
  type BlockActionInput,
  blockActionPayload,
  type CommandInput,
  commandFields,
  eventCallback,
  type PayloadContext,
  type UserInput,
  type ViewInput,
  viewSubmissionPayload,
} from './interaction-payloads.js';

export interface SlackRequestOptions {
  /** Bolt's HTTPReceiver takes all three on `/slack/events` unless told otherwise. */
  paths?: { commands?: string; interactivity?: string; events?: string };
  /**
   * Base for the `response_url`s put in payloads; pass `fakeSlack.responseUrl` so
   * Bolt's `respond()` lands in `fakeSlack.responses` instead of going to hooks.slack.com.
   */
  responseUrl?: string;
  /** Milliseconds; drives the signature timestamp and payload times. */
  now?: () => number;
}

export interface SendOptions {
  /** Signed with the wrong secret, as a forged request would be. */
  badSignature?: boolean;
  /** Timestamp six minutes old: past the five minutes Slack's scheme allows, so a replay. */
  staleTimestamp?: boolean;
  /** Leaves the signature headers off altogether. */
  unsigned?: boolean;
  /** Slack's retry of a delivery the app did not acknowledge in time. */
  retry?: { num: number; reason?: string };
}

export interface SlackHttpResponse {
  status: number;
  headers: Headers;
  body: string;
  json<T = unknown>(): T;
}

export interface SlackRequestClient {
  command(input: CommandInput, send?: SendOptions): Promise<SlackHttpResponse>;
  viewSubmission(
    view: ViewInput,
    user: UserInput,
    extra?: Record<string, unknown>,
    send?: SendOptions,
  ): Promise<SlackHttpResponse>;
  blockAction(input: BlockActionInput, send?: SendOptions): Promise<SlackHttpResponse>;
  /** Any other interactivity payload (`view_closed`, shortcuts), sent as `payload=<JSON>`. */
  interaction(payload: Record<string, unknown>, send?: SendOptions): Promise<SlackHttpResponse>;
  /** `envelope` overrides envelope fields — e.g. a fixed `event_id` to test de-duplication. */
  event(
    event: { type: string } & Record<string, unknown>,
    send?: SendOptions & { envelope?: Record<string, unknown> },
  ): Promise<SlackHttpResponse>;
  urlVerification(challenge: string, send?: SendOptions): Promise<SlackHttpResponse>;
  /** A signed body of your own making, for malformed-payload tests. */
  raw(path: string, body: string, contentType: string, send?: SendOptions): Promise<SlackHttpResponse>;
}

const FORM = 'application/x-www-form-urlencoded';
const STALE_BY_SECONDS = 6 * 60;

/** Slack's v0 signature for a body sent at `timestampSeconds`. */
export function signSlackRequest(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSeconds}:${rawBody}`)
    .digest('hex');
  return `v0=${digest}`;
}

export function slackRequest(
  baseUrl: string,
  signingSecret: string,
  options: SlackRequestOptions = {},
): SlackRequestClient {
  const now = options.now ?? (() => Date.now());
  const paths = {
    commands: '/slack/events',
    interactivity: '/slack/events',
    events: '/slack/events',
    ...options.paths,
  };
  let sequence = 0;
  const next = () => {
    sequence += 1;
    return sequence;
  };
  const context: PayloadContext = {
    responseUrl: () =>
      options.responseUrl
        ? `${options.responseUrl}${next()}`
        : `https://hooks.slack.com/actions/${FAKE_TEAM_ID}/${next()}/fake-response-token`,
    triggerId: () => {
      const n = next();
      return `${n}.1000000001.${n.toString(16).padStart(32, '0')}`;
    },
    nowSeconds: () => Math.floor(now() / 1000),
    eventId: () => `Ev${String(next()).padStart(9, '0')}`,
  };

  async function send(path: string, body: string, contentType: string, sendOptions: SendOptions = {}) {
    const timestamp = Math.floor(now() / 1000) - (sendOptions.staleTimestamp ? STALE_BY_SECONDS : 0);
    const secret = sendOptions.badSignature ? `${signingSecret}-forged` : signingSecret;
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    if (!sendOptions.unsigned) {
      headers['X-Slack-Request-Timestamp'] = String(timestamp);
      headers['X-Slack-Signature'] = signSlackRequest(secret, timestamp, body);
    }
    if (sendOptions.retry) {
      headers['X-Slack-Retry-Num'] = String(sendOptions.retry.num);
      headers['X-Slack-Retry-Reason'] = sendOptions.retry.reason ?? 'http_timeout';
    }
    const response = await fetch(new URL(path, baseUrl), { method: 'POST', headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text,
      json: <T>() => JSON.parse(text) as T,
    };
  }

  const interaction = (payload: Record<string, unknown>, sendOptions?: SendOptions) =>
    send(
      paths.interactivity,
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      FORM,
      sendOptions,
    );

  return {
    command: (input, sendOptions) =>
      send(paths.commands, new URLSearchParams(commandFields(input, context)).toString(), FORM, sendOptions),
    viewSubmission: (view, user, extra = {}, sendOptions) =>
      interaction(viewSubmissionPayload(view, user, extra, context), sendOptions),
    blockAction: (input, sendOptions) => interaction(blockActionPayload(input, context), sendOptions),
    interaction,
    event: (event, sendOptions = {}) =>
      send(
        paths.events,
        JSON.stringify(eventCallback(event, context, sendOptions.envelope)),
        'application/json',
        sendOptions,
      ),
    urlVerification: (challenge, sendOptions) =>
      send(
        paths.events,
        JSON.stringify({ token: 'verification-token', challenge, type: 'url_verification' }),
        'application/json',
        sendOptions,
      ),
    raw: (path, body, contentType, sendOptions) => send(path, body, contentType, sendOptions),
  };
}
