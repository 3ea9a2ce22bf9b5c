/**
 * Who is in which conversation: inviting (with Slack's all-or-nothing rule),
 * listing and removing members, and opening DMs.
 */
import { FAKE_BOT_USER_ID } from '../fake-slack-types.js';
import { commaList, fail, flag, type MethodTable, ok, paginate, text } from '../method-kit.js';
import { changeChannel, memberChannel } from './conversation-methods.js';

interface InviteError {
  user: string;
  ok: false;
  error: string;
}

export const membershipMethods: MethodTable = {
  /**
   * Slack refuses the whole call if any user cannot be invited — including one
   * already in the channel (`already_in_channel`) — and lists each failure in
   * `errors`; with `force` it invites the rest and still lists the failures.
   */
  'conversations.invite': (args, { state }) =>
    changeChannel(state, args, (channel) => {
      // Slack takes a comma-separated string; an array would be JSON-encoded and reach Slack as one bad id.
      if (args.users !== undefined && typeof args.users !== 'string') return fail('invalid_arguments');
      const ids = commaList(text(args, 'users'));
      if (ids.length === 0) return fail('no_user');
      const errors: InviteError[] = [];
      const invitable: string[] = [];
      for (const id of ids) {
        const user = state.users.get(id);
        const error =
          id === FAKE_BOT_USER_ID
            ? 'cant_invite_self'
            : !user || user.deleted
              ? 'user_not_found'
              : channel.members.has(id)
                ? 'already_in_channel'
                : undefined;
        if (error) errors.push({ user: id, ok: false, error });
        else invitable.push(id);
      }
      const [first] = errors;
      if (first && !flag(args, 'force')) return fail(first.error, { errors });
      for (const id of invitable) channel.members.add(id);
      return ok({ channel: state.channelJson(channel), ...(errors.length > 0 ? { errors } : {}) });
    }),

  'conversations.members': (args, { state }) => {
    const conversation = state.visibleConversation(text(args, 'channel') ?? '');
    if (!conversation) return fail('channel_not_found');
    const members =
      'members' in conversation ? [...conversation.members] : [FAKE_BOT_USER_ID, ...conversation.users];
    const result = paginate(members, args, 100);
    if ('error' in result) return fail(result.error);
    return ok({ members: result.page, response_metadata: { next_cursor: result.nextCursor } });
  },

  'conversations.kick': (args, { state }) => {
    const channel = memberChannel(state, args);
    if ('ok' in channel) return channel;
    const user = text(args, 'user') ?? '';
    if (user === FAKE_BOT_USER_ID) return fail('cant_kick_self');
    if (!state.users.has(user)) return fail('user_not_found');
    if (!channel.members.has(user)) return fail('not_in_channel');
    channel.members.delete(user);
    return ok();
  },

  'conversations.open': (args, { state }) => {
    const channelId = text(args, 'channel');
    if (channelId) {
      const dm = state.dms.get(channelId);
      return dm ? ok({ no_op: true, already_open: true, channel: { id: dm.id } }) : fail('channel_not_found');
    }
    const ids = commaList(text(args, 'users')).filter((id) => id !== FAKE_BOT_USER_ID);
    if (ids.length === 0) return fail('users_list_not_supplied');
    if (ids.some((id) => !state.users.has(id))) return fail('user_not_found');
    const { dm, alreadyOpen } = state.openDm(ids);
    const detail = flag(args, 'return_im') ? state.dmJson(dm) : { id: dm.id };
    return ok({ ...(alreadyOpen ? { no_op: true, already_open: true } : {}), channel: detail });
  },
};
