/**
 * Channels as things: creating them (with Slack's naming rules), listing and
 * describing them, topic and purpose, archiving. Membership lives in
 * `membership-methods.ts`.
 */
import { FAKE_BOT_USER_ID, type FakeChannel } from '../fake-slack-types.js';
import {
  type Args,
  commaList,
  fail,
  flag,
  type MethodTable,
  ok,
  paginate,
  type SlackAnswer,
  text,
} from '../method-kit.js';
import type { WorkspaceState } from '../workspace-state.js';

const MAX_TOPIC_LENGTH = 250;

export const conversationMethods: MethodTable = {
  'conversations.create': (args, { state }) => {
    const name = text(args, 'name') ?? '';
    const invalid = channelNameError(name);
    if (invalid) return fail(invalid);
    const taken = [...state.channels.values()].some((channel) => channel.name === name);
    if (taken) return fail('name_taken');
    const channel = state.addChannel({ name, isPrivate: flag(args, 'is_private') });
    return ok({ channel: state.channelJson(channel) });
  },

  'conversations.list': (args, { state }) => {
    const types = new Set(commaList(text(args, 'types') ?? 'public_channel'));
    const excludeArchived = flag(args, 'exclude_archived');
    const channels = [...state.channels.values()]
      .filter((channel) => types.has(channel.isPrivate ? 'private_channel' : 'public_channel'))
      .filter((channel) => !channel.isPrivate || channel.members.has(FAKE_BOT_USER_ID))
      .filter((channel) => !(excludeArchived && channel.archived))
      .map((channel) => state.channelJson(channel));
    const dms = [...state.dms.values()]
      .filter((dm) => types.has(dm.users.length === 1 ? 'im' : 'mpim'))
      .map((dm) => state.dmJson(dm));
    const result = paginate([...channels, ...dms], args, 100);
    if ('error' in result) return fail(result.error);
    return ok({ channels: result.page, response_metadata: { next_cursor: result.nextCursor } });
  },

  'conversations.info': (args, { state }) => {
    const conversation = state.visibleConversation(text(args, 'channel') ?? '');
    if (!conversation) return fail('channel_not_found');
    const json = 'name' in conversation ? state.channelJson(conversation) : state.dmJson(conversation);
    return ok({ channel: json });
  },

  'conversations.setTopic': (args, { state }) =>
    changeChannel(state, args, (channel) => {
      const topic = text(args, 'topic') ?? '';
      if (topic.length > MAX_TOPIC_LENGTH) return fail('too_long');
      channel.topic = topic;
      return ok({ channel: state.channelJson(channel) });
    }),

  'conversations.setPurpose': (args, { state }) =>
    changeChannel(state, args, (channel) => {
      const purpose = text(args, 'purpose') ?? '';
      if (purpose.length > MAX_TOPIC_LENGTH) return fail('too_long');
      channel.purpose = purpose;
      return ok({ channel: state.channelJson(channel) });
    }),

  'conversations.archive': (args, { state }) => {
    const channel = memberChannel(state, args);
    if ('ok' in channel) return channel;
    if (channel.archived) return fail('already_archived');
    channel.archived = true;
    return ok();
  },

  'conversations.unarchive': (args, { state }) => {
    const channel = memberChannel(state, args);
    if ('ok' in channel) return channel;
    if (!channel.archived) return fail('not_archived');
    channel.archived = false;
    return ok();
  },
};

/** Slack's rules, and its error codes, for a new channel's name. */
export function channelNameError(name: string): string | undefined {
  if (name === '') return 'invalid_name_required';
  if (name.length > 80) return 'invalid_name_maxlength';
  if (!/^[a-z0-9_-]+$/.test(name)) return 'invalid_name_specials';
  if (/^[-_]+$/.test(name)) return 'invalid_name_punctuation';
  return undefined;
}

/**
 * The channel named by `args.channel` if the bot could act in it: a private
 * channel it is not in does not exist as far as the bot can tell.
 */
export function memberChannel(state: WorkspaceState, args: Args): FakeChannel | SlackAnswer {
  const channel = state.channels.get(text(args, 'channel') ?? '');
  if (!channel || (channel.isPrivate && !channel.members.has(FAKE_BOT_USER_ID))) {
    return fail('channel_not_found');
  }
  if (!channel.members.has(FAKE_BOT_USER_ID)) return fail('not_in_channel');
  return channel;
}

/** For changes Slack refuses in an archived channel. */
export function changeChannel(
  state: WorkspaceState,
  args: Args,
  change: (channel: FakeChannel) => SlackAnswer,
): SlackAnswer {
  const channel = memberChannel(state, args);
  if ('ok' in channel) return channel;
  if (channel.archived) return fail('is_archived');
  return change(channel);
}
