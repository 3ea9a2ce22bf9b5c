/**
 * `muster retention purge` leaves nothing of a purged incident in the data
 * directory: the embedded store's files, the console's history and files,
 * and Teams' exported documents all lose it; only the purge log keeps its
 * reference (and dates), by design. A dry run changes none of them.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CONSOLE_PLATFORM } from '../../src/adapters/console/console-model.js';
import { ConsoleStore } from '../../src/adapters/console/console-store.js';
import { referencePattern } from '../../src/adapters/shared/reference-pattern.js';
import { openLowdbStore } from '../../src/adapters/storage/lowdb/lowdb-store.js';
import { openConfiguredStore } from '../../src/adapters/storage/open-store.js';
import { FileLinks } from '../../src/adapters/teams/platform/file-links.js';
import { exportIncident } from '../app/exports/export-fixture.js';
import { cli } from './cli-harness.js';

const PURGED = 'SV-2027-0101';
const KEPT = 'SV-2027-0102';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-cli-purge-'));
  const store = await openLowdbStore(dir, { durable: false, onWarning: () => {} });
  const channel = (reference: string) => `${reference.toLowerCase()}-corby`;
  const space = (reference: string) => ({
    [CONSOLE_PLATFORM]: { spaceId: channel(reference), spaceName: channel(reference) },
  });
  await store.createIncident(
    exportIncident({
      id: PURGED,
      reference: PURGED,
      status: 'closed',
      updatedAt: '2027-06-01T09:00:00.000Z',
      spaces: space(PURGED),
    }),
  );
  await store.createIncident(exportIncident({ id: KEPT, reference: KEPT, spaces: space(KEPT) }));
  await store.close();

  const history = await ConsoleStore.open(dir);
  for (const reference of [PURGED, KEPT]) {
    await history.saveChannel({
      id: channel(reference),
      name: channel(reference),
      kind: 'incident',
      reference,
      memberIds: ['pat-police'],
    });
    await history.saveMessage({
      id: `notice-${reference}`,
      channelId: 'coordination',
      at: '2027-06-01T09:00:00.000Z',
      author: { name: 'Muster' },
      text: `${reference} opened in Corby.`,
    });
    const fileId = `file-${reference}`;
    await history.saveFile(
      {
        id: fileId,
        filename: `${reference.toLowerCase()}-minutes.md`,
        title: 'Minutes',
        mimeType: 'text/markdown',
        size: 10,
        storedAs: `${fileId}-minutes.md`,
        channelIds: [channel(reference)],
      },
      Buffer.from(`# ${reference} minutes`),
    );
  }
  await history.close();
  const links = await FileLinks.open(dir);
  for (const reference of [PURGED, KEPT])
    await links.put(
      {
        filename: `${reference.toLowerCase()}-action-plan.csv`,
        title: 'Plan',
        mimeType: 'text/csv',
        content: Buffer.from(reference),
      },
      'https://muster.example.org',
    );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function mentioning(reference: string): Promise<string[]> {
  const names = referencePattern(reference);
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (names.test(path) || names.test((await readFile(path)).toString('latin1')))
      found.push(relative(dir, path));
  }
  return found.sort();
}

const purge = (...extra: string[]) =>
  cli(['retention', 'purge', '--days', '30', ...extra], {
    env: { MUSTER_DATA_DIR: dir },
    openStore: openConfiguredStore,
  });

it('removes the purged incident from the store and from every platform file, and keeps the rest', async () => {
  const before = await mentioning(PURGED);
  expect(before.length).toBeGreaterThanOrEqual(5);

  const dry = await purge('--dry-run');
  expect(dry.code).toBe(0);
  expect(await mentioning(PURGED)).toEqual(before);

  const result = await purge();
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(PURGED);
  expect(await mentioning(PURGED)).toEqual(['purges.jsonl']);
  expect((await mentioning(KEPT)).length).toBeGreaterThanOrEqual(5);

  const history = await ConsoleStore.open(dir);
  expect(history.channels().map((c) => c.id)).toEqual(['sv-2027-0102-corby']);
  expect(history.messagesIn('coordination').map((m) => m.text)).toEqual([`${KEPT} opened in Corby.`]);
  await history.close();
});
