import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentSpace } from '../../../../src/ports.js';
import { FAKE_BOT_USER_ID, type FakeUser } from '../../../fakes/fake-slack/index.js';
import { type Harness, platformHarness, USERS } from './platform-harness.js';

const MANY: FakeUser[] = Array.from({ length: 1500 }, (_, i) => ({
  id: `UM${String(i).padStart(5, '0')}`,
  email: `member${i}@agency.example`,
  name: `member${i}`,
}));

let h: Harness;
let space: IncidentSpace;
beforeEach(async () => {
  h = await platformHarness({ users: [...USERS, ...MANY] });
  const channel = h.fake.addChannel({ name: 'sv-2027-0042-corby', isPrivate: true });
  space = { id: channel.id, name: channel.name };
});
afterEach(() => h.close());

const members = () => h.fake.channel(space.id)!.members;

describe('SlackPlatform.addToSpace', () => {
  it('invites five people in one call, with force so one bad id cannot block the rest', async () => {
    await h.platform.addToSpace(
      space,
      USERS.map((u) => u.id),
    );

    const calls = h.fake.callsTo('conversations.invite');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toMatchObject({ users: 'U001,U002,U003,U004,U005', force: 'true' });
    for (const user of USERS) expect(members().has(user.id)).toBe(true);
  });

  it('invites 500 people in one call', async () => {
    const ids = MANY.slice(0, 500).map((u) => u.id);

    await h.platform.addToSpace(space, ids);

    expect(h.fake.callsTo('conversations.invite')).toHaveLength(1);
    expect(members().size).toBe(501);
  });

  it('splits only above the 1000 ids Slack takes in one call', async () => {
    await h.platform.addToSpace(
      space,
      MANY.map((u) => u.id),
    );

    expect(h.fake.callsTo('conversations.invite').map((c) => String(c.args.users).split(',').length)).toEqual(
      [1000, 500],
    );
    expect(members().size).toBe(1501);
  });

  it('makes no call when there is no one to add', async () => {
    await h.platform.addToSpace(space, []);

    expect(h.fake.callsTo('conversations.invite')).toHaveLength(0);
  });

  it('is content when people are already in the channel, or the id is the bot', async () => {
    await h.platform.addToSpace(space, ['U001']);

    await h.platform.addToSpace(space, ['U001', 'U002', FAKE_BOT_USER_ID, 'U002']);

    expect(members().has('U002')).toBe(true);
    expect(h.logger.messages('warn')).toEqual([]);
    expect(String(h.fake.callsTo('conversations.invite')[1]?.args.users)).toBe(
      `U001,U002,${FAKE_BOT_USER_ID}`,
    );
  });

  it('invites the others when one id is unknown, and warns with the id but no email', async () => {
    await h.platform.addToSpace(space, ['U001', 'UGONE', 'U002']);

    expect(members().has('U001') && members().has('U002')).toBe(true);
    expect(h.logger.entries).toHaveLength(1);
    expect(h.logger.entries[0]).toMatchObject({
      level: 'warn',
      fields: { channel: space.id, failures: [{ user: 'UGONE', error: 'user_not_found' }] },
    });
    expect(JSON.stringify(h.logger.entries)).not.toContain('@');
  });

  it('is content when Slack fails the whole call only because everyone is already in', async () => {
    h.fake.failNext('conversations.invite', {
      error: 'already_in_channel',
      extra: { errors: [{ user: 'U001', ok: false, error: 'already_in_channel' }] },
    });

    await expect(h.platform.addToSpace(space, ['U001'])).resolves.toBeUndefined();
    expect(h.logger.messages('warn')).toEqual([]);
  });

  it('passes on a channel-level failure such as the channel having gone', async () => {
    h.fake.failNext('conversations.invite', { error: 'channel_not_found' });

    await expect(h.platform.addToSpace(space, ['U001'])).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });
});
