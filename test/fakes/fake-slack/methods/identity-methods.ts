/**
 * Who is who: `auth.test` (the bot's own identity, which Bolt asks for at start),
 * user look-ups, and user-group membership.
 */
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_DOMAIN, FAKE_TEAM_ID } from '../fake-slack-types.js';
import { fail, type MethodTable, ok, text } from '../method-kit.js';

export const identityMethods: MethodTable = {
  'auth.test': () =>
    ok({
      url: `https://${FAKE_TEAM_DOMAIN}.slack.com/`,
      team: 'Muster Test',
      user: 'muster',
      team_id: FAKE_TEAM_ID,
      user_id: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      is_enterprise_install: false,
    }),

  'users.lookupByEmail': (args, { state }) => {
    const email = text(args, 'email')?.toLowerCase();
    if (!email) return fail('invalid_arguments');
    const user = [...state.users.values()].find((candidate) => candidate.email.toLowerCase() === email);
    return user ? ok({ user: state.userJson(user) }) : fail('users_not_found');
  },

  'users.info': (args, { state }) => {
    const user = state.users.get(text(args, 'user') ?? '');
    return user ? ok({ user: state.userJson(user) }) : fail('user_not_found');
  },

  'usergroups.users.list': (args, { state }) => {
    const users = state.usergroups.get(text(args, 'usergroup') ?? '');
    return users ? ok({ users: [...users] }) : fail('no_such_subteam');
  },
};
