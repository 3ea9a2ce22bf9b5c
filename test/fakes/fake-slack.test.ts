/**
 * The fake Slack Web API, driven by the real `WebClient` Bolt uses, so the fake is
 * known to accept what that client sends and to answer what it expects.
 * Failure injection and the signed-request client have their own files in `fake-slack/`.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack/fake-slack-server.js';

const USERS = [
  { id: 'U1', email: 'alice@northants.police.example', name: 'alice' },
  { id: 'U2', email: 'bob@nhft.example', name: 'bob' },
  { id: 'U3', email: 'carol@northnorthants.example', name: 'carol' },
];

let fake: FakeSlack;
let client: webApi.WebClient;

beforeEach(async () => {
  fake = await startFakeSlack({ users: USERS, usergroups: { S1: ['U1', 'U2'] } });
  client = new webApi.WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });
});

afterEach(async () => {
  await fake.close();
});

function platformError(error: string) {
  return { code: webApi.ErrorCode.PlatformError, data: expect.objectContaining({ ok: false, error }) };
}

describe('fake Slack: channels', () => {
  it('creates a private channel with the bot as its only member', async () => {
    const created = await client.conversations.create({ name: 'inc-2024-001', is_private: true });

    expect(created.channel).toMatchObject({ name: 'inc-2024-001', is_private: true, is_member: true });
    const channel = fake.channel('inc-2024-001');
    expect(channel?.id).toBe(created.channel?.id);
    expect(channel?.id).toMatch(/^C/);
    expect([...(channel?.members ?? [])]).toEqual(['UBOT']);
    expect(fake.callsTo('conversations.create')[0]).toMatchObject({
      token: 'xoxb-test',
      args: { name: 'inc-2024-001', is_private: 'true' },
    });
  });

  it('refuses names Slack refuses, and a name already taken', async () => {
    await expect(client.conversations.create({ name: 'Inc 001' })).rejects.toMatchObject(
      platformError('invalid_name_specials'),
    );
    await expect(client.conversations.create({ name: 'x'.repeat(81) })).rejects.toMatchObject(
      platformError('invalid_name_maxlength'),
    );
    await client.conversations.create({ name: 'inc-001' });
    await expect(client.conversations.create({ name: 'inc-001', is_private: true })).rejects.toMatchObject(
      platformError('name_taken'),
    );
  });

  it('invites several users in one call and refuses the whole call when one is already in', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-002', is_private: true });
    const id = channel?.id ?? '';

    await client.conversations.invite({ channel: id, users: 'U1,U2' });
    expect([...(fake.channel(id)?.members ?? [])]).toEqual(['UBOT', 'U1', 'U2']);

    await expect(client.conversations.invite({ channel: id, users: 'U2,U3' })).rejects.toMatchObject({
      data: { error: 'already_in_channel', errors: [{ user: 'U2', ok: false, error: 'already_in_channel' }] },
    });
    expect(fake.channel(id)?.members.has('U3')).toBe(false);

    const forced = await client.conversations.invite({ channel: id, users: 'U2,U3', force: true });
    expect(forced.errors).toEqual([{ user: 'U2', ok: false, error: 'already_in_channel' }]);
    expect(fake.channel(id)?.members.has('U3')).toBe(true);
    await expect(client.conversations.invite({ channel: id, users: 'U404' })).rejects.toMatchObject(
      platformError('user_not_found'),
    );
  });

  it('sets topic and purpose, lists members, kicks and archives', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-003' });
    const id = channel?.id ?? '';
    await client.conversations.invite({ channel: id, users: 'U1' });
    await client.conversations.setTopic({ channel: id, topic: 'Stabbing, Corby — gold at 14:00' });
    await client.conversations.setPurpose({ channel: id, purpose: 'Multi-agency response' });
    await client.conversations.kick({ channel: id, user: 'U1' });

    const info = await client.conversations.info({ channel: id });
    expect(info.channel?.topic?.value).toBe('Stabbing, Corby — gold at 14:00');
    expect(info.channel?.purpose?.value).toBe('Multi-agency response');
    expect((await client.conversations.members({ channel: id })).members).toEqual(['UBOT']);

    await client.conversations.archive({ channel: id });
    expect(fake.channel(id)?.archived).toBe(true);
    await expect(client.chat.postMessage({ channel: id, text: 'late' })).rejects.toMatchObject(
      platformError('is_archived'),
    );
    await client.conversations.unarchive({ channel: id });
    expect(fake.channel(id)?.archived).toBe(false);
  });

  it('pages conversations.list with a cursor and hides private channels the bot is not in', async () => {
    for (const n of [1, 2, 3, 4, 5])
      await client.conversations.create({ name: `inc-${n}`, is_private: true });
    fake.addChannel({ name: 'someone-elses', isPrivate: true, members: ['U1'] });

    const first = await client.conversations.list({ types: 'private_channel', limit: 2 });
    expect(first.channels?.map((c) => c.name)).toEqual(['inc-1', 'inc-2']);
    expect(first.response_metadata?.next_cursor).not.toBe('');

    const names: string[] = [];
    for await (const page of client.paginate('conversations.list', { types: 'private_channel', limit: 2 })) {
      names.push(...((page as { channels?: Array<{ name: string }> }).channels ?? []).map((c) => c.name));
    }
    expect(names).toEqual(['inc-1', 'inc-2', 'inc-3', 'inc-4', 'inc-5']);
    expect(fake.callsTo('conversations.list')).toHaveLength(4);
    expect((await client.conversations.list()).channels).toEqual([]);
  });
});

describe('fake Slack: messages', () => {
  it('posts, updates in place and pins a message', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-010' });
    const id = channel?.id ?? '';
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Status:* open' } }];

    const first = await client.chat.postMessage({ channel: id, text: 'Incident opened', blocks });
    const second = await client.chat.postMessage({ channel: id, text: 'Strategy meeting at 14:00' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message?.blocks).toEqual(blocks);
    expect(fake.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(blocks);

    const newBlocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Status:* closed' } }];
    await client.chat.update({ channel: id, ts: first.ts ?? '', text: 'Incident closed', blocks: newBlocks });
    await client.pins.add({ channel: id, timestamp: first.ts ?? '' });
    await expect(client.pins.add({ channel: id, timestamp: first.ts ?? '' })).rejects.toMatchObject(
      platformError('already_pinned'),
    );
    await expect(client.chat.update({ channel: id, ts: '1.000001', text: 'x' })).rejects.toMatchObject(
      platformError('message_not_found'),
    );

    expect(fake.messages(id)).toMatchObject([
      { ts: first.ts, text: 'Incident closed', blocks: newBlocks, pinned: true, edited: true },
      { ts: second.ts, text: 'Strategy meeting at 14:00', pinned: false },
    ]);
    await client.chat.delete({ channel: id, ts: second.ts ?? '' });
    expect(fake.messages(id)).toHaveLength(1);
  });

  it('opens one DM per user and routes a post to a user id into it', async () => {
    const opened = await client.conversations.open({ users: 'U2' });
    const again = await client.conversations.open({ users: 'U2' });
    expect(opened.channel?.id).toMatch(/^D/);
    expect(again.channel?.id).toBe(opened.channel?.id);

    const posted = await client.chat.postMessage({ channel: 'U2', text: 'You have been added to INC-001' });
    expect(posted.channel).toBe(opened.channel?.id);
    expect(fake.dmWith('U2')?.id).toBe(opened.channel?.id);
    expect(fake.messages(posted.channel ?? '')).toMatchObject([{ text: 'You have been added to INC-001' }]);
  });

  it('posts ephemerals only to members of the channel', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-011' });
    const id = channel?.id ?? '';
    await client.conversations.invite({ channel: id, users: 'U1' });

    await client.chat.postEphemeral({ channel: id, user: 'U1', text: 'Only you can see this' });
    await expect(client.chat.postEphemeral({ channel: id, user: 'U2', text: 'x' })).rejects.toMatchObject(
      platformError('user_not_in_channel'),
    );
    expect(fake.ephemerals).toMatchObject([{ channel: id, user: 'U1', text: 'Only you can see this' }]);
    expect(fake.messages(id)).toEqual([]);
  });
});

describe('fake Slack: users, views, files, auth', () => {
  it('looks users up by email and reports unknown ones as Slack does', async () => {
    const found = await client.users.lookupByEmail({ email: 'Bob@NHFT.example' });
    expect(found.user).toMatchObject({ id: 'U2', name: 'bob', profile: { email: 'bob@nhft.example' } });
    await expect(client.users.lookupByEmail({ email: 'nobody@example.org' })).rejects.toMatchObject(
      platformError('users_not_found'),
    );
    expect((await client.users.info({ user: 'U3' })).user?.name).toBe('carol');
    expect((await client.usergroups.users.list({ usergroup: 'S1' })).users).toEqual(['U1', 'U2']);
    expect(await client.auth.test()).toMatchObject({ user_id: 'UBOT', team_id: 'T0001' });
  });

  it('opens a modal, then refuses an update carrying a stale hash', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'open_incident',
      title: { type: 'plain_text' as const, text: 'Open' },
      blocks: [],
    };
    await expect(client.views.open({ trigger_id: '', view })).rejects.toMatchObject(
      platformError('invalid_arguments'),
    );
    const opened = await client.views.open({ trigger_id: '123.456.abc', view });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'open_incident' });

    const viewId = opened.view?.id ?? '';
    const updated = await client.views.update({ view_id: viewId, hash: opened.view?.hash, view });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    await expect(
      client.views.update({ view_id: viewId, hash: opened.view?.hash, view }),
    ).rejects.toMatchObject(platformError('hash_conflict'));
    expect(fake.views).toMatchObject([{ id: viewId, triggerId: '123.456.abc', updates: 1 }]);
  });

  it('completes a files.uploadV2 round trip and shares the file to the channel', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-020', is_private: true });
    const id = channel?.id ?? '';
    const csv = 'time,event\n14:00,Strategy meeting\n';

    await client.filesUploadV2({
      channel_id: id,
      filename: 'timeline.csv',
      content: csv,
      initial_comment: 'Timeline',
    });

    expect(fake.uploads).toMatchObject([
      { filename: 'timeline.csv', channel: id, length: Buffer.byteLength(csv), initialComment: 'Timeline' },
    ]);
    expect(fake.uploads[0]?.content.toString('utf8')).toBe(csv);
    expect(fake.calls.map((call) => call.method)).toEqual([
      'conversations.create',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(fake.messages(id)).toMatchObject([{ text: 'Timeline', files: [{ name: 'timeline.csv' }] }]);
  });

  it('answers not_authed, invalid_auth and unknown_method like Slack', async () => {
    const anonymous = new webApi.WebClient(undefined, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(anonymous.auth.test()).rejects.toMatchObject(platformError('not_authed'));
    const wrong = new webApi.WebClient('not-a-token', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(wrong.auth.test()).rejects.toMatchObject(platformError('invalid_auth'));
    await expect(client.apiCall('incidents.open')).rejects.toMatchObject(platformError('unknown_method'));
  });

  it('accepts JSON bodies as Slack does', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-030' });
    const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: 'Bearer xoxb-test', 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: channel?.id, text: 'via JSON', blocks: [{ type: 'divider' }] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: channel?.id });
    expect(fake.callsTo('chat.postMessage')[0]?.args).toEqual({
      channel: channel?.id,
      text: 'via JSON',
      blocks: [{ type: 'divider' }],
    });
  });
});
