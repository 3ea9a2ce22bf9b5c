/**
 * The lowdb store opened read-only: it reads a directory another store holds
 * (and may be writing to) without the lock, repairs what a crash left only in
 * memory, refuses every write, and leaves every byte, name and timestamp on
 * disk as it found them.
 */
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/adapters/storage/lowdb/lowdb-store.js';
import { openLowdbStoreReadOnly } from '../../src/adapters/storage/lowdb/read-only-store.js';
import { ErrorCode, isMusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { makeEvent, makeIncident } from '../fixtures/incident-factory.js';

let dir: string;
let warnings: string[];
const openWriter = () => openLowdbStore(dir, { durable: false, onWarning: (w) => warnings.push(w) });
const openReader = () => openLowdbStore(dir, { readOnly: true, onWarning: (w) => warnings.push(w) });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-read-only-'));
  warnings = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Every entry under `root` with its kind, size, modification time and (for files) contents. */
async function snapshotTree(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const tree: Record<string, string> = {};
  for (const path of [root, ...entries.map((e) => join(e.parentPath, e.name))]) {
    const info = await stat(path);
    // A folder's mtime moves when a name is created or removed in it, even a temp file already gone again.
    const head = `${info.isDirectory() ? 'dir' : 'file'} ${info.size} ${info.mtimeMs}`;
    tree[relative(root, path) || '.'] = info.isFile() ? `${head} ${await readFile(path, 'base64')}` : head;
  }
  return tree;
}

const due = (key: string, fireAt = '2027-03-16T09:00:00.000Z') => ({
  key,
  milestoneId: key,
  kind: 'at' as const,
  fireAt,
  notify: ['sio'],
});

const directoryEdit = {
  at: '2027-03-16T09:00:00.000Z',
  by: { id: 'slack:U0CARLA', name: 'Carla Coordinator' },
  edit: { type: 'contact.removed' as const, contactId: 'dana' },
  summary: 'Carla Coordinator removed Dana Doe',
};

/** Two incidents with events and reminders, one claimed (a lease in its file) and one moved on. */
async function populate(writer: Store) {
  const a = await writer.createIncident(makeIncident(), [makeEvent('incident.opened')]);
  const b = await writer.createIncident(makeIncident({ createdAt: '2027-03-16T07:10:00.000Z' }), [
    makeEvent('incident.opened'),
  ]);
  await writer.appendEvents(a.id, [makeEvent('note.added', 1), makeEvent('note.added', 2)]);
  await writer.syncReminders(a.id, [due('initial:at'), due('review:at', '2027-03-20T09:00:00.000Z')]);
  await writer.claimDueReminders({
    now: new Date('2027-03-16T10:00:00Z'),
    owner: 'x',
    leaseMs: 60_000,
    limit: 5,
  });
  await writer.updateIncident(b.id, (current) => ({
    incident: { ...current, status: 'initial-held' },
    events: [makeEvent('meeting.held', 3)],
  }));
  await writer.appendDirectoryChange(directoryEdit);
  await writer.putPlatformRecord('teams', 'tenantId', 't1');
  return { a, b };
}

/** What every read method answers, so a reader can be compared with the writer call for call. */
async function everythingRead(store: Store, ids: string[]) {
  const perIncident = await Promise.all(
    ids.map(async (id) => ({
      incident: await store.getIncident(id),
      events: await store.listEvents(id),
      page: await store.listEvents(id, { afterSeq: 1, limit: 1 }),
      reminders: await store.listReminders(id),
    })),
  );
  return {
    all: await store.listIncidents(),
    open: await store.listIncidents({ status: ['open'] }),
    perIncident,
    unknown: [await store.getIncident('SV-2027-0404'), await store.listReminders('SV-2027-0404')],
    unsafe: await store.listEvents('../escape'),
  };
}

describe('lowdb store opened read-only', () => {
  it('sees the incidents, events and reminders of a writer that is still open and holds the lock', async () => {
    const writer = await openWriter();
    try {
      const { a, b } = await populate(writer);
      const reader = await openReader();

      expect(await everythingRead(reader, [a.id, b.id])).toEqual(await everythingRead(writer, [a.id, b.id]));
      expect((await reader.listIncidents()).map((s) => [s.id, s.status])).toEqual([
        [b.id, 'initial-held'],
        [a.id, 'open'],
      ]);
      expect((await reader.listEvents(a.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await reader.listReminders(a.id)).find((r) => r.key === 'initial:at')?.claimedBy).toBe('x');
      await reader.close();
    } finally {
      await writer.close();
    }
    expect(warnings).toEqual([]);
  });

  it("reads an incident's latest state and events from disk on every call, and lists incidents as of open", async () => {
    const writer = await openWriter();
    try {
      const incident = await writer.createIncident(makeIncident());
      const reader = await openReader();
      await writer.updateIncident(incident.id, (current) => ({
        incident: { ...current, title: 'Renamed' },
        events: [makeEvent('incident.renamed')],
      }));
      const later = await writer.createIncident(makeIncident());

      expect((await reader.getIncident(incident.id))?.title).toBe('Renamed');
      expect((await reader.listEvents(incident.id)).map((e) => e.type)).toEqual(['incident.renamed']);
      expect((await reader.listIncidents()).map((s) => s.id)).toEqual([incident.id]);
      await reader.close();
      const reopened = await openReader();
      expect((await reopened.listIncidents()).map((s) => s.id).sort()).toEqual(
        [incident.id, later.id].sort(),
      );
      await reopened.close();
    } finally {
      await writer.close();
    }
  });

  it("reads the writer's directory changes and platform records as they are on disk at each call", async () => {
    const writer = await openWriter();
    try {
      const first = await writer.appendDirectoryChange(directoryEdit);
      await writer.putPlatformRecord('teams', 'tenantId', 't1');
      const reader = await openReader();
      expect(await reader.listDirectoryChanges()).toEqual([first]);
      expect(await reader.getPlatformRecord('teams', 'tenantId')).toBe('t1');

      const second = await writer.appendDirectoryChange({ ...directoryEdit, summary: 'second' });
      await writer.putPlatformRecord('teams', 'tenantId', 't2');
      expect(await reader.listDirectoryChanges(1)).toEqual([second]);
      expect(await reader.listPlatformRecords('teams')).toEqual([{ key: 'tenantId', value: 't2' }]);
      expect(await reader.getPlatformRecord('teams', 'serviceUrl')).toBeUndefined();
      await reader.close();
    } finally {
      await writer.close();
    }
  });

  it('ignores the half-written last line of a log the writer is appending to', async () => {
    const writer = await openWriter();
    try {
      const incident = await writer.createIncident(makeIncident(), [makeEvent('incident.opened')]);
      // What a reader can catch mid-append: the start of a record without its newline.
      await appendFile(join(dir, 'events', `${incident.id}.jsonl`), '{"incidentId":"SV-2', 'utf8');
      await appendFile(join(dir, 'index.jsonl'), '{"t":"incident","summ', 'utf8');
      const reader = await openReader();

      expect((await reader.listEvents(incident.id)).map((e) => e.seq)).toEqual([1]);
      expect((await reader.listIncidents()).map((s) => s.id)).toEqual([incident.id]);
      expect(warnings).toEqual([]);
      await reader.close();
    } finally {
      await writer.close();
    }
  });

  it('sees the old or the new incident file, never a partial one, while the writer replaces it', async () => {
    const writer = await openWriter();
    try {
      const incident = await writer.createIncident(makeIncident());
      const reader = await openReader();
      let writing = true;
      const updates = (async () => {
        for (let i = 0; i < 40; i += 1) {
          await writer.updateIncident(incident.id, (current) => ({
            incident: { ...current, title: `t${i}` },
          }));
        }
        writing = false;
      })();
      const versions: number[] = [];
      while (writing) {
        const read = await reader.getIncident(incident.id);
        versions.push(read?.version ?? -1);
      }
      await updates;

      expect(versions.length).toBeGreaterThan(0);
      expect(versions).not.toContain(-1);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect((await reader.getIncident(incident.id))?.version).toBe(41);
      await reader.close();
    } finally {
      await writer.close();
    }
  });

  it('refuses every write with read_only, saying it was opened read-only, and changes nothing', async () => {
    const writer = await openWriter();
    const { a } = await populate(writer);
    await writer.close();
    const before = await snapshotTree(dir);
    const reader = await openReader();
    const [reminder] = await reader.listReminders(a.id);

    const attempts: Array<[string, Promise<unknown>]> = [
      ['allocateReference', reader.allocateReference(2027)],
      ['createIncident', reader.createIncident(makeIncident())],
      ['updateIncident', reader.updateIncident(a.id, (current) => ({ incident: current }))],
      ['appendEvents', reader.appendEvents(a.id, [makeEvent('note.added')])],
      ['syncReminders', reader.syncReminders(a.id, [])],
      [
        'claimDueReminders',
        reader.claimDueReminders({ now: new Date('2030-01-01'), owner: 'y', leaseMs: 1, limit: 5 }),
      ],
      [
        'markReminderSent',
        reader.markReminderSent(a.id, reminder!.key, 'x', new Date('2027-03-16T10:01:00Z')),
      ],
      ['releaseReminder', reader.releaseReminder(a.id, reminder!.key, 'x', 'boom')],
      ['rememberOnce', reader.rememberOnce('slack:retry:1', new Date('2027-03-16T10:00:00Z'))],
      ['appendDirectoryChange', reader.appendDirectoryChange(directoryEdit)],
      ['putPlatformRecord', reader.putPlatformRecord('teams', 'tenantId', 't2')],
    ];
    for (const [method, attempt] of attempts) {
      const error = await errorOf(attempt);
      expect(isMusterError(error, ErrorCode.ReadOnly), method).toBe(true);
      expect((error as Error).message, method).toContain('opened read-only');
    }
    await reader.close();
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('repairs what a crash left in memory only, leaving the directory byte for byte as it was', async () => {
    const writer = await openWriter();
    const { a, b } = await populate(writer);
    const unindexed = await writer.createIncident(makeIncident({ createdAt: '2027-03-17T07:10:00.000Z' }));
    await writer.close();
    // Crash leftovers: B's last listing record lost (its pending mark remains), a file the index never
    // recorded, torn last lines, and temp files of writes that never reached their rename.
    const indexFile = join(dir, 'index.jsonl');
    const records = (await readFile(indexFile, 'utf8'))
      .trimEnd()
      .split('\n')
      .filter((line) => !line.includes(unindexed.id));
    expect(JSON.parse(records.at(-1)!)).toMatchObject({
      t: 'incident',
      summary: { id: b.id, status: 'initial-held' },
    });
    await writeFile(indexFile, `${records.slice(0, -1).join('\n')}\n{"t":"pend`, 'utf8');
    await appendFile(join(dir, 'events', `${a.id}.jsonl`), '{"incidentId":"SV-2', 'utf8');
    await writeFile(join(dir, 'incidents', `.${a.id}.json.99999.1.tmp`), '{"half":', 'utf8');
    await writeFile(join(dir, '.index.jsonl.99999.2.tmp'), '{"t":', 'utf8');
    const before = await snapshotTree(dir);

    const reader = await openReader();
    expect((await reader.listIncidents()).map((s) => [s.id, s.status])).toEqual([
      [unindexed.id, 'open'],
      [b.id, 'initial-held'],
      [a.id, 'open'],
    ]);
    expect((await reader.listEvents(a.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await reader.listReminders(a.id)).toHaveLength(2);
    expect(await reader.getIncident(unindexed.id)).toEqual(unindexed);
    await reader.close();

    expect(await snapshotTree(dir)).toEqual(before);
    expect(Object.keys(before)).not.toContain('muster.lock');
  });

  it('takes no lock: a writer opens beside it, and it opens beside a writer', async () => {
    await (await openWriter()).close();
    const reader = await openReader();
    const writer = await openWriter();
    const second = await openReader();
    await Promise.all([reader.close(), second.close(), writer.close()]);
    expect(await readdir(dir)).not.toContain('muster.lock');
  });

  it('refuses reads after close, and closes twice without complaint', async () => {
    await (await openWriter()).close();
    const reader = await openLowdbStoreReadOnly(dir, { onWarning: (w) => warnings.push(w) });
    await reader.close();
    await reader.close();
    await expect(reader.listIncidents()).rejects.toThrow(/closed/);
  });

  describe('a directory without Muster data', () => {
    it('is not_found when the directory does not exist, pointing at MUSTER_DATA_DIR, and nothing is created', async () => {
      const missing = join(dir, 'no-such-dir');
      const error = await errorOf(openLowdbStore(missing, { readOnly: true }));

      expect(isMusterError(error, ErrorCode.NotFound)).toBe(true);
      expect((error as Error).message).toContain(missing);
      expect((error as Error).message).toContain('MUSTER_DATA_DIR');
      expect(await readdir(dir)).toEqual([]);
    });

    it('is not_found for a directory that exists but has no index, and leaves it as it was', async () => {
      await mkdir(join(dir, 'photos'));
      await writeFile(join(dir, 'notes.txt'), 'not muster data\n', 'utf8');
      const before = await snapshotTree(dir);

      const error = await errorOf(openReader());
      expect(isMusterError(error, ErrorCode.NotFound)).toBe(true);
      expect((error as Error).message).toContain('no index.jsonl');
      expect(await snapshotTree(dir)).toEqual(before);
    });
  });
});
