import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT_USER_ID } from '../../../fakes/fake-slack/index.js';
import { contact, type Harness, platformHarness } from './platform-harness.js';

let h: Harness;
afterEach(() => h.close());

describe('SlackPlatform.resolveRecipients', () => {
  it('uses Slack actors by id, stored Slack ids as they are, and looks the rest up by email', async () => {
    h = await platformHarness();

    const resolved = await h.platform.resolveRecipients({
      actors: [
        { id: 'slack:U001', name: 'One' },
        { id: 'console:alex', name: 'Alex' },
      ],
      contacts: [contact(2, { slackId: 'U002' }), contact(3)],
    });

    expect(resolved).toEqual({ userIds: ['U001', 'U002', 'U003'], missing: [] });
    expect(h.fake.callsTo('users.lookupByEmail').map((c) => c.args.email)).toEqual([
      'person3@agency.example',
    ]);
  });

  it('reports contacts Slack does not know as missing and leaves them out', async () => {
    h = await platformHarness();
    const unknown = contact(9, { email: 'nobody@agency.example' });

    const resolved = await h.platform.resolveRecipients({ actors: [], contacts: [contact(1), unknown] });

    expect(resolved).toEqual({ userIds: ['U001'], missing: [unknown] });
  });

  it('treats a deactivated account as missing', async () => {
    h = await platformHarness({
      users: [{ id: 'U001', email: 'person1@agency.example', name: 'p', deleted: true }],
    });

    const resolved = await h.platform.resolveRecipients({ actors: [], contacts: [contact(1)] });

    expect(resolved.userIds).toEqual([]);
    expect(resolved.missing.map((c) => c.id)).toEqual(['contact-1']);
  });

  it('lists each person once and never the bot itself', async () => {
    h = await platformHarness();
    const bot = contact(8, { email: 'muster-bot@example.invalid' });

    const resolved = await h.platform.resolveRecipients({
      actors: [
        { id: 'slack:U001', name: 'One' },
        { id: `slack:${FAKE_BOT_USER_ID}`, name: 'Muster' },
      ],
      contacts: [contact(1), contact(1, { id: 'same-person-again' }), bot],
    });

    expect(resolved.userIds).toEqual(['U001']);
  });

  it('looks each email up once per process, remembering found and not-found answers', async () => {
    h = await platformHarness();
    const recipients = {
      actors: [],
      contacts: [contact(1), contact(2), contact(9, { email: 'x@agency.example' })],
    };

    const first = await h.platform.resolveRecipients(recipients);
    h.fake.clearCalls();
    const second = await h.platform.resolveRecipients({
      actors: [],
      contacts: recipients.contacts.map((c) => ({ ...c, email: c.email.toUpperCase() })),
    });

    expect(second.userIds).toEqual(first.userIds);
    expect(second.missing.map((c) => c.id)).toEqual(['contact-9']);
    expect(h.fake.callsTo('users.lookupByEmail')).toHaveLength(0);
  });

  it('asks again once the remembered answer has expired, so a person who joins Slack is found', async () => {
    let now = 0;
    h = await platformHarness({ users: [], platform: { lookups: { ttlMs: 1000, now: () => now } } });
    expect((await h.platform.resolveRecipients({ actors: [], contacts: [contact(1)] })).userIds).toEqual([]);

    h.fake.addUser({ id: 'U001', email: 'person1@agency.example', name: 'p' });
    now = 999;
    expect((await h.platform.resolveRecipients({ actors: [], contacts: [contact(1)] })).userIds).toEqual([]);
    now = 1001;
    expect((await h.platform.resolveRecipients({ actors: [], contacts: [contact(1)] })).userIds).toEqual([
      'U001',
    ]);
    expect(h.fake.callsTo('users.lookupByEmail')).toHaveLength(2);
  });

  it('shares one look-up between resolves running at the same time', async () => {
    h = await platformHarness();

    await Promise.all(
      [1, 2, 3].map(() => h.platform.resolveRecipients({ actors: [], contacts: [contact(4)] })),
    );

    expect(h.fake.callsTo('users.lookupByEmail')).toHaveLength(1);
  });

  it('passes on other Slack errors and does not remember them', async () => {
    h = await platformHarness();
    h.fake.failNext('users.lookupByEmail', { error: 'missing_scope' });

    await expect(h.platform.resolveRecipients({ actors: [], contacts: [contact(1)] })).rejects.toMatchObject({
      data: { error: 'missing_scope' },
    });
    const retried = await h.platform.resolveRecipients({ actors: [], contacts: [contact(1)] });

    expect(retried.userIds).toEqual(['U001']);
  });
});
