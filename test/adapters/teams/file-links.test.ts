/**
 * Links to exported documents: a stored file comes back through its signed
 * link until it expires; a changed signature, id or expiry serves nothing;
 * the secret survives a restart, and expired files are deleted.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLinks, LINK_LIFETIME_MS } from '../../../src/adapters/teams/platform/file-links.js';

let dir: string;
let now: number;
const clock = () => now;
const file = {
  filename: 'minutes.docx',
  title: 'Minutes',
  mimeType: 'application/x-test',
  content: Buffer.from('hello'),
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-teams-files-'));
  now = Date.parse('2027-09-01T10:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const queryOf = (link: string) => new URL(link).searchParams;

describe('FileLinks', () => {
  it('forgets a purged incident’s files, and only that incident’s, before they expire', async () => {
    const links = await FileLinks.open(dir, clock);
    const named = (filename: string) => ({ ...file, filename });
    const purged = await links.put(named('sv-2027-0001-action-plan.xlsx'), 'https://muster.example.org');
    const longer = await links.put(named('sv-2027-00012-action-plan.xlsx'), 'https://muster.example.org');
    const other = await links.put(named('sv-2027-0002-minutes.docx'), 'https://muster.example.org');

    await links.forgetIncident('SV-2027-0001');

    expect(await links.read(queryOf(purged))).toEqual({ refused: 'expired' });
    expect(await links.read(queryOf(longer))).toMatchObject({
      meta: { filename: 'sv-2027-00012-action-plan.xlsx' },
    });
    expect(await links.read(queryOf(other))).toMatchObject({
      meta: { filename: 'sv-2027-0002-minutes.docx' },
    });
    expect(await readdir(join(dir, 'teams', 'files'))).toHaveLength(4);
  });

  it('serves a stored file through its link, under the public address given', async () => {
    const links = await FileLinks.open(dir, clock);
    const link = await links.put(file, 'https://muster.example.org/proxy');
    expect(link.startsWith('https://muster.example.org/proxy/api/teams/file?id=')).toBe(true);
    const opened = await links.read(queryOf(link));
    expect(opened).toEqual({
      meta: { filename: 'minutes.docx', mimeType: 'application/x-test', expiresAt: now + LINK_LIFETIME_MS },
      content: Buffer.from('hello'),
    });
  });

  it('refuses a link whose expiry, id or signature was changed', async () => {
    const links = await FileLinks.open(dir, clock);
    const query = queryOf(await links.put(file, 'https://m.example'));
    for (const [key, value] of [
      ['exp', String(Number(query.get('exp')) + 1)],
      ['id', '0'.repeat(32)],
      ['sig', 'forged'],
    ] as const) {
      const changed = new URLSearchParams(query);
      changed.set(key, value);
      expect(await links.read(changed)).toEqual({ refused: 'invalid' });
    }
  });

  it('says a link has expired after seven days, and deletes the file when the next one is stored', async () => {
    const links = await FileLinks.open(dir, clock);
    const query = queryOf(await links.put(file, 'https://m.example'));
    now += LINK_LIFETIME_MS + 1;
    expect(await links.read(query)).toEqual({ refused: 'expired' });
    await links.put(file, 'https://m.example');
    expect(await readdir(join(dir, 'teams', 'files'))).toHaveLength(2);
  });

  it('keeps links working across a restart', async () => {
    const link = await (await FileLinks.open(dir, clock)).put(file, 'https://m.example');
    const reopened = await FileLinks.open(dir, clock);
    expect(await reopened.read(queryOf(link))).toMatchObject({ content: Buffer.from('hello') });
  });
});
