import { afterEach, describe, expect, it } from 'vitest';
import type { UploadFile } from '../../../../src/ports.js';
import { FAKE_BOT_USER_ID } from '../../../fakes/fake-slack/fake-slack-types.js';
import { contact, type Harness, platformHarness } from './platform-harness.js';

let h: Harness;
afterEach(() => h.close());

const FILES: UploadFile[] = [
  {
    filename: 'sv-2027-0042-minutes-initial.docx',
    title: 'Minutes',
    mimeType: 'x/docx',
    content: Buffer.from('PK docx'),
  },
  {
    filename: 'sv-2027-0042-minutes-initial.md',
    title: 'Minutes (Markdown)',
    mimeType: 'text/markdown',
    content: Buffer.from('# Minutes'),
  },
];

describe('SlackPlatform.uploadFiles', () => {
  it('uploads every file to the incident channel in one message with the comment', async () => {
    let channelId = '';
    h = await platformHarness({
      platform: (fake) => {
        channelId = fake.addChannel({
          name: 'sv-2027-0042-corby',
          isPrivate: true,
          members: [FAKE_BOT_USER_ID],
        }).id;
        return {};
      },
    });
    await h.platform.uploadFiles(
      { kind: 'space', space: { id: channelId, name: 'sv-2027-0042-corby' } },
      FILES,
      'Minutes',
    );
    expect(h.fake.uploads.map((u) => [u.filename, u.title, u.channel, u.content.toString()])).toEqual([
      ['sv-2027-0042-minutes-initial.docx', 'Minutes', channelId, 'PK docx'],
      ['sv-2027-0042-minutes-initial.md', 'Minutes (Markdown)', channelId, '# Minutes'],
    ]);
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    const shared = h.fake.messages(channelId).filter((m) => m.files);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.text).toBe('Minutes');
  });

  it('uploads to each recipient’s direct messages, opened first', async () => {
    h = await platformHarness();
    await h.platform.uploadFiles(
      { kind: 'direct', recipients: { contacts: [contact(1), contact(2)], actors: [] } },
      FILES,
      'Minutes for List 1',
    );
    for (const user of ['U001', 'U002']) {
      const dm = h.fake.dmWith(user);
      expect(dm, user).toBeDefined();
      expect(h.fake.uploads.filter((u) => u.channel === dm!.id)).toHaveLength(2);
    }
    expect(h.fake.callsTo('conversations.open')).toHaveLength(2);
  });

  it('rejects with Slack’s error when the upload is refused', async () => {
    h = await platformHarness();
    h.fake.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    const channel = h.fake.addChannel({ name: 'elsewhere', isPrivate: true }).id;
    await expect(
      h.platform.uploadFiles({ kind: 'space', space: { id: channel, name: 'elsewhere' } }, FILES, 'x'),
    ).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });
});
