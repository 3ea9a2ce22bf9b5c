/**
 * Messages: posting (to channels, DMs, or a user id, which Slack routes to the
 * app's DM), updating in place, ephemerals, deleting, and pins.
 */
import {
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  type FakeMessage,
} from '../fake-slack-types.js';
import { type Args, arrayArg, fail, type MethodTable, ok, type SlackAnswer, text } from '../method-kit.js';
import type { WorkspaceState } from '../workspace-state.js';

export const chatMethods: MethodTable = {
  'chat.postMessage': (args, { state }) => {
    const target = postableConversation(state, args);
    if (typeof target !== 'string') return target;
    const content = messageContent(args);
    if (!content) return fail('no_text');
    const threadTs = text(args, 'thread_ts');
    const message: FakeMessage = {
      channel: target,
      ts: state.nextTs(),
      user: FAKE_BOT_USER_ID,
      pinned: false,
      edited: false,
      ...content,
      ...(threadTs ? { threadTs } : {}),
    };
    state.messages.get(target)?.push(message);
    return ok({ channel: target, ts: message.ts, message: messageJson(message) });
  },

  'chat.update': (args, { state }) => {
    const found = existingMessage(state, args, 'ts');
    if ('ok' in found) return found;
    const blocks = arrayArg(args, 'blocks');
    const attachments = arrayArg(args, 'attachments');
    // Slack keeps whichever of text, blocks and attachments the update leaves out.
    const newText = text(args, 'text');
    if (newText !== undefined) found.text = newText;
    if (blocks) found.blocks = blocks;
    if (attachments) found.attachments = attachments;
    found.edited = true;
    return ok({ channel: found.channel, ts: found.ts, text: found.text, message: messageJson(found) });
  },

  'chat.postEphemeral': (args, { state }) => {
    const target = postableConversation(state, args);
    if (typeof target !== 'string') return target;
    const user = text(args, 'user') ?? '';
    if (!state.users.has(user)) return fail('user_not_found');
    if (!conversationMembers(state, target).includes(user)) return fail('user_not_in_channel');
    const content = messageContent(args);
    if (!content) return fail('no_text');
    const messageTs = state.nextTs();
    const threadTs = text(args, 'thread_ts');
    state.ephemerals.push({
      channel: target,
      user,
      text: content.text,
      messageTs,
      ...(content.blocks ? { blocks: content.blocks } : {}),
      ...(threadTs ? { threadTs } : {}),
    });
    return ok({ message_ts: messageTs });
  },

  'chat.delete': (args, { state }) => {
    const found = existingMessage(state, args, 'ts');
    if ('ok' in found) return found;
    const list = state.messages.get(found.channel) ?? [];
    list.splice(list.indexOf(found), 1);
    return ok({ channel: found.channel, ts: found.ts });
  },

  'pins.add': (args, { state }) => {
    const found = existingMessage(state, args, 'timestamp');
    if ('ok' in found) return found;
    if (found.pinned) return fail('already_pinned');
    found.pinned = true;
    return ok();
  },

  'pins.remove': (args, { state }) => {
    const found = existingMessage(state, args, 'timestamp');
    if ('ok' in found) return found;
    if (!found.pinned) return fail('no_pin');
    found.pinned = false;
    return ok();
  },
};

/** The conversation id a message would land in, or Slack's reason for refusing. */
function postableConversation(state: WorkspaceState, args: Args): string | SlackAnswer {
  const conversation = state.resolveMessageTarget(text(args, 'channel') ?? '');
  if (!conversation) return fail('channel_not_found');
  if ('members' in conversation) {
    if (conversation.archived) return fail('is_archived');
    // A bot outside a public channel needs chat:write.public, which Muster does not ask for.
    if (!conversation.members.has(FAKE_BOT_USER_ID)) return fail('not_in_channel');
  }
  return conversation.id;
}

function conversationMembers(state: WorkspaceState, id: string): string[] {
  const channel = state.channels.get(id);
  if (channel) return [...channel.members];
  return [FAKE_BOT_USER_ID, ...(state.dms.get(id)?.users ?? [])];
}

function messageContent(args: Args): Pick<FakeMessage, 'text' | 'blocks' | 'attachments'> | undefined {
  const messageText = text(args, 'text') ?? '';
  const blocks = arrayArg(args, 'blocks');
  const attachments = arrayArg(args, 'attachments');
  if (messageText === '' && !blocks?.length && !attachments?.length) return undefined;
  return { text: messageText, ...(blocks ? { blocks } : {}), ...(attachments ? { attachments } : {}) };
}

function existingMessage(
  state: WorkspaceState,
  args: Args,
  tsField: 'ts' | 'timestamp',
): FakeMessage | SlackAnswer {
  const conversation = state.visibleConversation(text(args, 'channel') ?? '');
  if (!conversation) return fail('channel_not_found');
  const message = state.findMessage(conversation.id, text(args, tsField) ?? '');
  return message ?? fail('message_not_found');
}

export function messageJson(message: FakeMessage): Record<string, unknown> {
  return {
    type: 'message',
    user: message.user,
    bot_id: FAKE_BOT_ID,
    app_id: FAKE_APP_ID,
    team: FAKE_TEAM_ID,
    text: message.text,
    ts: message.ts,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.edited ? { edited: { user: FAKE_BOT_USER_ID, ts: message.ts } } : {}),
    ...(message.files ? { files: message.files } : {}),
  };
}
