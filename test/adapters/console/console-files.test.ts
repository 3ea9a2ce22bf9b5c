import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeFilename } from '../../../src/adapters/console/console-platform.js';
import { contentDisposition } from '../../../src/adapters/console/file-route.js';
import type { IncidentSpace, UploadFile } from '../../../src/ports.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { type ConsoleHarness, OUTSIDER, startConsole } from './console-harness.js';

const FILES: UploadFile[] = [
  {
    filename: 'sv-2027-0042-action-plan.csv',
    title: 'Action plan (CSV)',
    mimeType: 'text/csv; charset=utf-8',
    content: Buffer.from('No.,Action\r\n1.1,Preserve CCTV\r\n'),
  },
  { filename: '../../évil name.md', title: 'Odd', mimeType: 'text/markdown', content: Buffer.from('# odd') },
];

let h: ConsoleHarness;
let space: IncidentSpace;

beforeEach(async () => {
  h = await startConsole();
  space = await h.console.platform.ensureIncidentSpace(makeIncident({ area: 'corby' }));
  await h.console.platform.addToSpace(space, ['pat-police']);
});
afterEach(() => h.close());

async function postedFiles(channel: string, as: string) {
  const reply = await h.get(`/console/api/messages?channel=${encodeURIComponent(channel)}`, as);
  return reply.body.messages.flatMap((m: { files?: unknown[] }) => m.files ?? []);
}

describe('console uploads', () => {
  it('posts one message listing the files and serves each as an attachment to channel members', async () => {
    await h.console.platform.uploadFiles({ kind: 'space', space }, FILES, 'Action plan for SV-2027-0042');
    const messages = (await h.get(`/console/api/messages?channel=${space.id}`, 'pat-police')).body.messages;
    const withFiles = messages.filter((m: { files?: unknown[] }) => m.files);
    expect(withFiles).toHaveLength(1);
    expect(withFiles[0].text).toBe('Action plan for SV-2027-0042');
    const [csv, odd] = withFiles[0].files;
    expect(csv).toMatchObject({ filename: 'sv-2027-0042-action-plan.csv', size: FILES[0]!.content.length });

    const res = await fetch(`${h.baseUrl}/console/files?id=${csv.id}&as=pat-police`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="sv-2027-0042-action-plan.csv"; filename*=UTF-8\'\'sv-2027-0042-action-plan.csv',
    );
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('No.,Action\r\n1.1,Preserve CCTV\r\n');

    // The odd name is kept for the download but never used as a path on disk.
    const stored = await readdir(join(h.dataDir, 'console', 'files'));
    expect(stored).toHaveLength(2);
    for (const name of stored) expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(stored.find((n) => n.startsWith(odd.id))).toBe(`${odd.id}-${safeFilename(odd.filename)}`);
    const oddRes = await fetch(`${h.baseUrl}/console/files?id=${odd.id}&as=pat-police`);
    expect(await oddRes.text()).toBe('# odd');
  });

  it('answers 404 for an unknown id, a path in the id and someone outside the channel', async () => {
    await h.console.platform.uploadFiles({ kind: 'space', space }, FILES, 'plan');
    const [csv] = await postedFiles(space.id, 'pat-police');
    expect((await h.get('/console/files?id=nope', 'pat-police')).status).toBe(404);
    expect((await h.get('/console/files?id=../console.jsonl', 'pat-police')).status).toBe(404);
    expect(
      (await h.get(`/console/files?id=${encodeURIComponent(`../files/${csv.id}`)}`, 'pat-police')).status,
    ).toBe(404);
    expect((await h.get(`/console/files?id=${csv.id}`, OUTSIDER)).status).toBe(404);
    expect((await h.get(`/console/files?id=${csv.id}`)).status).toBe(400);
  });

  it('sends direct uploads to each person, and keeps the files across a restart', async () => {
    await h.console.platform.uploadFiles(
      {
        kind: 'direct',
        recipients: { contacts: h.deps.directory.contacts.filter((c) => c.id === 'nia-nhft'), actors: [] },
      },
      FILES.slice(0, 1),
      'Minutes',
    );
    await h.restart();
    const [file] = await postedFiles('dm-nia-nhft', 'nia-nhft');
    const res = await h.get(`/console/files?id=${file.id}`, 'nia-nhft');
    expect(res.status).toBe(200);
    expect((await h.get(`/console/files?id=${file.id}`, 'pat-police')).status).toBe(404);
  });
});

describe('contentDisposition', () => {
  it('keeps an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('é "x".md')).toBe(
      'attachment; filename="_ _x_.md"; filename*=UTF-8\'\'%C3%A9%20%22x%22.md',
    );
  });
});
