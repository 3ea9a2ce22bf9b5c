/**
 * The bodies Slack sends to an app — slash-command forms, `view_submission`,
 * `block_actions`, Events API envelopes — shaped like the real ones, with the
 * fields a test does not care about filled in. Signing and sending live in
 * `signed-requests.ts`.
 */
import type { ElementState, StateValues } from './block-state-values.js';
import {
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_DOMAIN,
  FAKE_TEAM_ID,
} from './fake-slack-types.js';

export interface SlackUserRef {
  id: string;
  username?: string;
  name?: string;
  team_id?: string;
}

export type UserInput = string | SlackUserRef;

export interface CommandInput {
  command: string;
  text?: string;
  user_id: string;
  channel_id: string;
  user_name?: string;
  channel_name?: string;
  trigger_id?: string;
  [field: string]: string | undefined;
}

export interface ViewInput {
  callback_id: string;
  /** Shorthand for `state.values` (see `stateValues`). */
  values?: StateValues;
  private_metadata?: string;
  id?: string;
  hash?: string;
  [field: string]: unknown;
}

export interface BlockActionInput {
  action_id: string;
  user: UserInput;
  value?: string;
  block_id?: string;
  /** For a select, picker etc. instead of a button: its state, e.g. `select('corby')`. */
  element?: ElementState;
  channel?: string | { id: string; name: string };
  message?: { ts: string; text?: string; blocks?: unknown[]; thread_ts?: string };
  /** Set when the action happened inside a modal or the Home tab rather than on a message. */
  view?: ViewInput;
}

export interface PayloadContext {
  responseUrl: () => string;
  triggerId: () => string;
  nowSeconds: () => number;
  eventId: () => string;
}

const team = { id: FAKE_TEAM_ID, domain: FAKE_TEAM_DOMAIN };

export function userRef(user: UserInput): Required<SlackUserRef> {
  const ref = typeof user === 'string' ? { id: user } : user;
  const handle = ref.username ?? ref.name ?? ref.id.toLowerCase();
  return { id: ref.id, username: handle, name: ref.name ?? handle, team_id: ref.team_id ?? FAKE_TEAM_ID };
}

export function commandFields(input: CommandInput, context: PayloadContext): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    token: 'verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: FAKE_TEAM_DOMAIN,
    channel_name: input.channel_name ?? 'general',
    user_name: input.user_name ?? input.user_id.toLowerCase(),
    text: '',
    api_app_id: FAKE_APP_ID,
    is_enterprise_install: 'false',
    response_url: context.responseUrl(),
    trigger_id: context.triggerId(),
    ...input,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export function submittedView(view: ViewInput): Record<string, unknown> {
  const { values, ...rest } = view;
  const id = view.id ?? 'V000000001';
  return {
    id,
    team_id: FAKE_TEAM_ID,
    type: 'modal',
    blocks: [],
    private_metadata: '',
    title: { type: 'plain_text', text: 'Muster', emoji: true },
    close: null,
    submit: { type: 'plain_text', text: 'Submit', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    previous_view_id: null,
    root_view_id: id,
    external_id: '',
    app_id: FAKE_APP_ID,
    app_installed_team_id: FAKE_TEAM_ID,
    bot_id: FAKE_BOT_ID,
    hash: '1693580400.a1b2c3d4',
    state: { values: values ?? {} },
    ...rest,
  };
}

export function viewSubmissionPayload(
  view: ViewInput,
  user: UserInput,
  extra: Record<string, unknown>,
  context: PayloadContext,
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team,
    user: userRef(user),
    api_app_id: FAKE_APP_ID,
    token: 'verification-token',
    trigger_id: context.triggerId(),
    view: submittedView(view),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
    ...extra,
  };
}

export function blockActionPayload(
  input: BlockActionInput,
  context: PayloadContext,
): Record<string, unknown> {
  const actionTs = `${context.nowSeconds()}.000000`;
  const action = {
    action_id: input.action_id,
    block_id: input.block_id ?? input.action_id,
    ...(input.element ?? {
      type: 'button',
      text: { type: 'plain_text', text: input.action_id, emoji: true },
    }),
    ...(input.value !== undefined ? { value: input.value } : {}),
    action_ts: actionTs,
  };
  const channel = typeof input.channel === 'string' ? { id: input.channel, name: 'incident' } : input.channel;
  const onMessage = !input.view;
  const message = input.message && {
    type: 'message',
    user: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
    text: '',
    blocks: [],
    ...input.message,
  };
  const container = onMessage
    ? { type: 'message', message_ts: input.message?.ts, channel_id: channel?.id, is_ephemeral: false }
    : { type: 'view', view_id: input.view?.id ?? 'V000000001' };
  return {
    type: 'block_actions',
    user: userRef(input.user),
    api_app_id: FAKE_APP_ID,
    token: 'verification-token',
    container,
    trigger_id: context.triggerId(),
    team,
    enterprise: null,
    is_enterprise_install: false,
    ...(channel ? { channel } : {}),
    ...(message ? { message } : {}),
    ...(input.view ? { view: submittedView(input.view) } : { state: { values: {} } }),
    ...(onMessage ? { response_url: context.responseUrl() } : {}),
    actions: [action],
  };
}

export function eventCallback(
  event: { type: string } & Record<string, unknown>,
  context: PayloadContext,
  envelope: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = context.nowSeconds();
  const eventId = context.eventId();
  return {
    token: 'verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: FAKE_APP_ID,
    event: { event_ts: `${now}.000100`, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: now,
    authorizations: [
      {
        enterprise_id: null,
        team_id: FAKE_TEAM_ID,
        user_id: FAKE_BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(eventId).toString('base64url')}`,
    ...envelope,
  };
}
