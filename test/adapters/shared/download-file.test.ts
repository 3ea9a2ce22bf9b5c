import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, downloadFile } from '../../../src/adapters/shared/download-file.js';
import { planFileTooLarge } from '../../../src/app/plans/import-plan.js';
import { isMusterError } from '../../../src/core/errors.js';

let server: Server;
let base: string;
const seen: { path: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    if (req.url === '/plan.csv') return res.end('Priority,Action\n1,Mentoring\n');
    if (req.url === '/declared-large') {
      res.setHeader('content-length', '2048');
      return res.end(Buffer.alloc(2048, 'a'));
    }
    // Chunked, no length: only counting the bytes as they come finds it too large.
    if (req.url === '/undeclared-large') {
      for (let i = 0; i < 8; i += 1) res.write(Buffer.alloc(512, 'b'));
      return res.end();
    }
    if (req.url === '/hangs') return; // never answers
    if (req.url?.startsWith('/moved')) {
      res.writeHead(302, {
        location: req.url === '/moved-home' ? '/plan.csv' : 'http://elsewhere.invalid/plan.csv',
      });
      return res.end();
    }
    res.statusCode = 500;
    res.end('boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = { filename: 'plan.csv', maxBytes: 1024, tooLarge: planFileTooLarge };

describe('downloadFile', () => {
  it('fetches the file with the platform’s credentials', async () => {
    const content = await downloadFile(`${base}/plan.csv`, {
      ...options,
      headers: { authorization: 'Bearer xoxb-test' },
    });
    expect(content.toString()).toBe('Priority,Action\n1,Mentoring\n');
    expect(seen.at(-1)).toEqual({ path: '/plan.csv', authorization: 'Bearer xoxb-test' });
  });

  it.each(['/declared-large', '/undeclared-large'])(
    'refuses a file over the limit as the person’s to fix (%s)',
    async (path) => {
      const error = await downloadFile(`${base}${path}`, options).catch((e: unknown) => e);
      expect(isMusterError(error, 'invalid_input')).toBe(true);
      expect((error as Error).message).toBe('plan.csv is too large to import.');
    },
  );

  it('reports a failed or silent platform as a DownloadError, not the person’s fault', async () => {
    const failed = await downloadFile(`${base}/missing`, options).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(DownloadError);
    expect((failed as Error).message).toBe('Could not download plan.csv: HTTP 500');
    const silent = await downloadFile(`${base}/hangs`, { ...options, timeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(silent).toBeInstanceOf(DownloadError);
    expect((silent as Error).message).toBe('Could not download plan.csv: timed out');
  });

  it('follows a redirect only where allowed, and keeps the credentials to the first origin', async () => {
    const home = (url: string) => url.startsWith(base);
    const moved = await downloadFile(`${base}/moved-home`, {
      ...options,
      headers: { authorization: 'Bearer xoxb-test' },
      mayFollow: home,
    });
    expect(moved.toString()).toContain('Mentoring');
    expect(seen.slice(-2)).toEqual([
      { path: '/moved-home', authorization: 'Bearer xoxb-test' },
      { path: '/plan.csv', authorization: 'Bearer xoxb-test' },
    ]);
    const away = await downloadFile(`${base}/moved-away`, { ...options, mayFollow: home }).catch(
      (e: unknown) => e,
    );
    expect(away).toBeInstanceOf(DownloadError);
    expect((away as Error).message).toBe(
      'Could not download plan.csv: redirected (HTTP 302) where Muster does not follow',
    );
    // Without a rule, no redirect is followed at all.
    expect(await downloadFile(`${base}/moved-home`, options).catch((e: unknown) => e)).toBeInstanceOf(
      DownloadError,
    );
  });
});
