import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackFiles, UntrustedFileError } from '../../../../src/adapters/slack/platform/slack-files.js';
import { planFileTooLarge } from '../../../../src/app/plans/import-plan.js';

/** A WebClient whose files.info describes one file at `url`. */
const clientDescribing = (url: string) =>
  ({
    files: {
      info: async () => ({
        ok: true,
        file: { id: 'F1', name: 'plan.csv', size: 42, url_private_download: url },
      }),
    },
  }) as unknown as webApi.WebClient;

const limits = { maxBytes: 1024, tooLarge: planFileTooLarge };

describe('SlackFiles', () => {
  it('describes a file from Slack’s own answer: name, size and download address', async () => {
    const files = new SlackFiles({
      client: clientDescribing('https://files.slack.com/files-pri/T1-F1/download/plan.csv'),
      token: 'xoxb-1',
    });
    expect(await files.describe('F1')).toEqual({
      id: 'F1',
      name: 'plan.csv',
      bytes: 42,
      url: 'https://files.slack.com/files-pri/T1-F1/download/plan.csv',
    });
  });

  it('never sends the bot token to a host that is not Slack’s file host or the configured API host', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.end('stolen');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${(server.address() as AddressInfo).port}/plan.csv`;
    try {
      for (const url of [elsewhere, 'http://files.slack.com/files-pri/T1-F1/plan.csv', 'not a url']) {
        const files = new SlackFiles({ client: clientDescribing(url), token: 'xoxb-secret' });
        const file = await files.describe('F1');
        await expect(files.download(file, limits)).rejects.toBeInstanceOf(UntrustedFileError);
      }
      expect(requests).toBe(0);
      // The same address is fetched once SLACK_API_URL names its host (the offline fake's case).
      const trusted = new SlackFiles({
        client: clientDescribing(elsewhere),
        token: 'xoxb-secret',
        apiUrl: new URL('/api/', elsewhere).toString(),
      });
      expect((await trusted.download(await trusted.describe('F1'), limits)).toString()).toBe('stolen');
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
