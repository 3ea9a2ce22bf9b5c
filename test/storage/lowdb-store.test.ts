/**
 * The embedded lowdb store: the shared contract, then what is particular to
 * files on disk (layout, append-only logs, atomic writes, the lock, index
 * compaction and repair after a crash).
 */
import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LowdbStoreOptions, openLowdbStore } from '../../src/adapters/storage/lowdb/lowdb-store.js';
import { ErrorCode, isMusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { makeEvent, makeIncident } from '../fixtures/incident-factory.js';
import { describeStoreContract } from './store-contract.js';

interface LowdbHarness {
  dir: string;
  warnings: string[];
  store: Store;
  reopen(options?: LowdbStoreOptions): Promise<Store>;
  corruptIncident(id: string): Promise<void>;
  cleanup(): Promise<void>;
}

async function openHarness(options: LowdbStoreOptions = {}): Promise<LowdbHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'muster-lowdb-'));
  const warnings: string[] = [];
  const open = (extra: LowdbStoreOptions = {}) =>
    openLowdbStore(dir, { onWarning: (message) => warnings.push(message), ...options, ...extra });
  let store = await open();
  return {
    dir,
    warnings,
    get store() {
      return store;
    },
    async reopen(extra) {
      await store.close();
      store = await open(extra);
      return store;
    },
    async corruptIncident(id) {
      await writeFile(join(dir, 'incidents', `${id}.json`), '{"format":1,"incident":{"id":', 'utf8');
    },
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function listFilesDeep(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function lineCount(path: string): Promise<number> {
  return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '').length;
}

const due = (key: string, fireAt = '2027-03-16T09:00:00.000Z') => ({
  key,
  milestoneId: key,
  kind: 'at' as const,
  fireAt,
  notify: ['sio'],
});

describeStoreContract('lowdb', () => openHarness());

describe('lowdb store on disk', () => {
  let h: LowdbHarness;

  beforeEach(async () => {
    h = await openHarness();
  });

  afterEach(async () => {
    await h.cleanup();
  });

  it('keeps one JSON file per incident and one JSONL line per event', async () => {
    const a = await h.store.createIncident(makeIncident(), [makeEvent('incident.opened')]);
    const b = await h.store.createIncident(makeIncident());
    await h.store.appendEvents(a.id, [
      makeEvent('note.added', 1),
      makeEvent('note.added', 2),
      makeEvent('note.added', 3),
    ]);

    expect((await readdir(join(h.dir, 'incidents'))).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    const doc = JSON.parse(await readFile(join(h.dir, 'incidents', `${a.id}.json`), 'utf8'));
    expect(doc.incident).toEqual(a);
    const lines = (await readFile(join(h.dir, 'events', `${a.id}.jsonl`), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).seq)).toEqual([1, 2, 3, 4]);
    expect(await readdir(join(h.dir, 'events'))).toEqual([`${a.id}.jsonl`]);
    expect(JSON.parse(await readFile(join(h.dir, 'muster.lock'), 'utf8')).pid).toBe(process.pid);
    expect(await lineCount(join(h.dir, 'index.jsonl'))).toBeGreaterThanOrEqual(2);
  });

  it('appends to an event log without rewriting what is already there', async () => {
    const incident = await h.store.createIncident(makeIncident(), [makeEvent('incident.opened')]);
    const log = join(h.dir, 'events', `${incident.id}.jsonl`);
    const before = await readFile(log);
    const { ino } = await stat(log);
    await h.store.appendEvents(incident.id, [makeEvent('note.added', 1)]);
    await h.store.updateIncident(incident.id, (current) => ({
      incident: current,
      events: [makeEvent('x.y', 2)],
    }));
    const after = await readFile(log);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect((await stat(log)).ino).toBe(ino);
  });

  it('leaves no temporary files behind after many concurrent writes', async () => {
    const incidents = await Promise.all([1, 2, 3].map(() => h.store.createIncident(makeIncident())));
    await Promise.all(
      incidents.flatMap((incident) =>
        Array.from({ length: 5 }, (_, i) =>
          h.store.updateIncident(incident.id, (current) => ({ incident: { ...current, title: `t${i}` } })),
        ),
      ),
    );
    const files = await listFilesDeep(h.dir);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.json'))).toHaveLength(3);
  });

  it('sweeps temp files left by interrupted writes at open and keeps the real file', async () => {
    const incident = await h.store.createIncident(makeIncident());
    await writeFile(join(h.dir, 'incidents', `.${incident.id}.json.99999.1.tmp`), '{"half":', 'utf8');
    await writeFile(join(h.dir, '.index.jsonl.99999.2.tmp'), '{"t":', 'utf8');
    await writeFile(join(h.dir, '.platform-records.json.99999.3.tmp'), '{"format":', 'utf8');
    await h.reopen();
    expect((await listFilesDeep(h.dir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(await h.store.getIncident(incident.id)).toEqual(incident);
  });

  it('refuses to create an incident whose id cannot be a file name', async () => {
    const error = await errorOf(h.store.createIncident(makeIncident({ id: '../escape' })));
    expect(isMusterError(error, ErrorCode.InvalidInput)).toBe(true);
    expect(await readdir(join(h.dir, 'incidents'))).toEqual([]);
  });

  it('refuses a file that is valid JSON but not an incident, naming the file', async () => {
    const incident = await h.store.createIncident(makeIncident());
    const path = join(h.dir, 'incidents', `${incident.id}.json`);
    await writeFile(
      path,
      JSON.stringify({ format: 1, incident: { id: incident.id }, reminders: [] }),
      'utf8',
    );
    const error = await errorOf(h.store.getIncident(incident.id));
    expect(isMusterError(error, ErrorCode.CorruptData)).toBe(true);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/restore it from a backup/i);
  });

  it('warns once through onWarning when claiming skips a corrupt incident', async () => {
    const incident = await h.store.createIncident(makeIncident());
    await h.store.syncReminders(incident.id, [due('initial:at')]);
    await h.corruptIncident(incident.id);
    const claim = () =>
      h.store.claimDueReminders({
        now: new Date('2027-03-16T10:00:00Z'),
        owner: 'a',
        leaseMs: 1000,
        limit: 5,
      });
    expect(await claim()).toEqual([]);
    expect(await claim()).toEqual([]);
    expect(h.warnings.filter((w) => w.includes(incident.id))).toHaveLength(1);
  });

  describe('lock', () => {
    it('refuses a second open of the same directory while the first is open, naming it', async () => {
      const error = await errorOf(openLowdbStore(h.dir));
      expect(isMusterError(error, ErrorCode.StoreLocked)).toBe(true);
      expect((error as Error).message).toContain(h.dir);
      await h.store.close();
      const second = await openLowdbStore(h.dir);
      await second.close();
    });

    it('takes over a lock left by a process that is no longer running', async () => {
      await h.store.close();
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      await writeFile(join(h.dir, 'muster.lock'), JSON.stringify({ pid: gone, host: hostname() }), 'utf8');
      await h.reopen();
      expect(JSON.parse(await readFile(join(h.dir, 'muster.lock'), 'utf8')).pid).toBe(process.pid);
    });

    it('refuses a lock held by another machine, which it cannot check', async () => {
      await h.store.close();
      await writeFile(
        join(h.dir, 'muster.lock'),
        JSON.stringify({ pid: 1, host: 'elsewhere.example' }),
        'utf8',
      );
      const error = await errorOf(h.reopen());
      expect(isMusterError(error, ErrorCode.StoreLocked)).toBe(true);
      await rm(join(h.dir, 'muster.lock'));
      await h.reopen();
    });

    it('removes its lock on close', async () => {
      await h.store.close();
      await expect(stat(join(h.dir, 'muster.lock'))).rejects.toThrow();
    });
  });

  describe('index', () => {
    it('compacts a long index on reopen and keeps every incident, counter and due reminder', async () => {
      const incidents = await Promise.all([1, 2, 3].map(() => h.store.createIncident(makeIncident())));
      for (const incident of incidents) {
        for (let i = 1; i <= 4; i += 1) {
          await h.store.updateIncident(incident.id, (current) => ({
            incident: { ...current, title: `Title ${i}` },
          }));
        }
      }
      await h.store.syncReminders(incidents[0]!.id, [due('initial:at')]);
      const references = [await h.store.allocateReference(2040), await h.store.allocateReference(2040)];
      const indexFile = join(h.dir, 'index.jsonl');
      const before = await lineCount(indexFile);

      await h.reopen({ compactIndexAfter: 5 });
      // One line per incident, one per year with a counter (2027 from the incidents, 2040 allocated).
      expect(await lineCount(indexFile)).toBe(5);
      expect(before).toBeGreaterThan(5);
      const listed = await h.store.listIncidents();
      expect(listed.map((s) => s.id).sort()).toEqual(incidents.map((i) => i.id).sort());
      expect(new Set(listed.map((s) => s.title))).toEqual(new Set(['Title 4']));
      expect(await h.store.allocateReference(2040)).toBe('SV-2040-0003');
      expect(references).toEqual(['SV-2040-0001', 'SV-2040-0002']);
      const claimed = await h.store.claimDueReminders({
        now: new Date('2027-03-16T09:00:00Z'),
        owner: 'a',
        leaseMs: 1,
        limit: 5,
      });
      expect(claimed.map((r) => r.incidentId)).toEqual([incidents[0]!.id]);
    });

    it('re-indexes an incident file the index never recorded (a crash after the file was written)', async () => {
      const incident = await h.store.createIncident(makeIncident());
      await h.store.close();
      await writeFile(join(h.dir, 'index.jsonl'), '', 'utf8');
      await h.reopen();
      expect((await h.store.listIncidents()).map((s) => s.id)).toEqual([incident.id]);
      expect(await h.store.getIncident(incident.id)).toEqual(incident);
    });

    it('repairs a listing left pending by a crash between the incident file and its index record', async () => {
      const incident = await h.store.createIncident(makeIncident());
      await h.store.updateIncident(incident.id, (current) => ({
        incident: { ...current, status: 'initial-held' },
      }));
      await h.store.close();
      // Lose the record written after the incident file, as a crash at that moment would.
      const indexFile = join(h.dir, 'index.jsonl');
      const lines = (await readFile(indexFile, 'utf8')).trimEnd().split('\n');
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ t: 'incident', summary: { status: 'initial-held' } });
      await writeFile(indexFile, `${lines.slice(0, -1).join('\n')}\n`, 'utf8');
      await h.reopen();
      expect((await h.store.listIncidents())[0]?.status).toBe('initial-held');
    });

    it('does not hand out a reference an incident is already stored under', async () => {
      await h.store.createIncident(makeIncident({ id: 'SV-2043-0002' }));
      expect(await h.store.allocateReference(2043)).toBe('SV-2043-0003');
    });
  });

  describe('directory changes and platform records', () => {
    const edit = (summary: string) => ({
      at: '2027-03-16T09:00:00.000Z',
      by: { id: 'slack:U0CARLA', name: 'Carla Coordinator' },
      edit: { type: 'contact.removed' as const, contactId: 'dana' },
      summary,
    });

    it('keeps the changes one JSONL line each, and drops a torn last line at open without a gap', async () => {
      await h.store.appendDirectoryChange(edit('first'));
      await h.store.close();
      const file = join(h.dir, 'directory-changes.jsonl');
      expect(
        (await readFile(file, 'utf8'))
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).seq),
      ).toEqual([1]);
      await appendFile(file, '{"seq":2,"at":"2027', 'utf8');
      await h.reopen();
      expect((await h.store.appendDirectoryChange(edit('second'))).seq).toBe(2);
      expect((await h.store.listDirectoryChanges()).map((c) => c.summary)).toEqual(['first', 'second']);
      expect(await lineCount(file)).toBe(2);
    });

    it('refuses to open over an unreadable platform-records.json, naming it and what to do, and keeps it', async () => {
      await h.store.putPlatformRecord('teams', 'tenantId', 't1');
      await h.store.close();
      const file = join(h.dir, 'platform-records.json');
      await writeFile(file, '{"format":1,"records":', 'utf8');
      const error = await errorOf(h.reopen());
      expect(isMusterError(error, ErrorCode.CorruptData)).toBe(true);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toContain('remove it to start afresh');
      expect(await readFile(file, 'utf8')).toBe('{"format":1,"records":');
      await rm(file);
      await h.reopen();
      expect(await h.store.listPlatformRecords('teams')).toEqual([]);
    });

    it('leaves the records as they were when writing the file fails', async () => {
      await h.store.putPlatformRecord('teams', 'tenantId', 't1');
      // With the data directory gone, the write of the file fails.
      await rm(h.dir, { recursive: true, force: true });
      await expect(h.store.putPlatformRecord('teams', 'tenantId', 't2')).rejects.toThrow();
      expect(await h.store.getPlatformRecord('teams', 'tenantId')).toBe('t1');
    });
  });

  it('drops a torn last event line at the next append and keeps numbering from the last whole one', async () => {
    const incident = await h.store.createIncident(makeIncident(), [
      makeEvent('incident.opened'),
      makeEvent('note.added', 1),
    ]);
    await h.store.close();
    await appendFile(join(h.dir, 'events', `${incident.id}.jsonl`), '{"incidentId":"SV-2', 'utf8');
    await h.reopen();
    expect((await h.store.listEvents(incident.id)).map((e) => e.seq)).toEqual([1, 2]);
    const [appended] = await h.store.appendEvents(incident.id, [makeEvent('note.added', 2)]);
    expect(appended?.seq).toBe(3);
    expect((await h.store.listEvents(incident.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(h.warnings.some((w) => w.includes('incomplete last line'))).toBe(true);
  });
});
