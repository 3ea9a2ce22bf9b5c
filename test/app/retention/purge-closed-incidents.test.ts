import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepExportIn } from '../../../src/app/retention/keep-export.js';
import { purgeClosedIncidents } from '../../../src/app/retention/purge-closed-incidents.js';
import { startRetentionJob } from '../../../src/app/retention/retention-job.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Store } from '../../../src/ports.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { exportIncident } from '../exports/export-fixture.js';
import { STORES, testDeps } from '../harness.js';

/** 1 June 2028 03:00 BST: 30 days back is 2 May 2028. */
const NOW = '2028-06-01T03:00:00+01:00';
const OLD = '2028-04-01T09:00:00.000Z';
const RECENT = '2028-05-20T09:00:00.000Z';

const closed = (reference: string, updatedAt: string, overrides: Partial<Incident> = {}) =>
  exportIncident({ id: reference, reference, status: 'closed', updatedAt, ...overrides });

describe.each(STORES)('purgeClosedIncidents ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    await store.createIncident(closed('SV-2028-0001', OLD), [
      {
        at: '2028-03-31T09:00:00.000Z',
        actor: { id: 'cli', name: 'x' },
        type: 'incident.closed',
        summary: 'x',
      },
    ]);
    await store.createIncident(closed('SV-2028-0002', RECENT));
    await store.createIncident(
      makeIncident({ id: 'SV-2028-0003', reference: 'SV-2028-0003', updatedAt: OLD }),
    );
  });
  afterEach(() => cleanup());

  it('purges only closed incidents past the retention period, and logs reference and dates only', async () => {
    const result = await purgeClosedIncidents(testDeps(store, NOW), { retentionDays: 30 });
    const record = {
      reference: 'SV-2028-0001',
      closedAt: '2028-03-31T09:00:00.000Z',
      purgedAt: '2028-06-01T02:00:00.000Z',
      exportKept: false,
    };
    expect(result).toEqual({ purged: [record], failed: [], cutOff: '2028-05-02T02:00:00.000Z' });
    expect(await store.getIncident('SV-2028-0001')).toBeUndefined();
    expect(await store.listEvents('SV-2028-0001')).toEqual([]);
    expect((await store.listIncidents()).map((s) => s.reference).sort()).toEqual([
      'SV-2028-0002',
      'SV-2028-0003',
    ]);
    expect(await store.listPurges()).toEqual([record]);
  });

  it('lists what would go on a dry run and changes nothing', async () => {
    const before = await store.listIncidents();
    const result = await purgeClosedIncidents(testDeps(store, NOW), { retentionDays: 30, dryRun: true });
    expect(result.purged.map((p) => p.reference)).toEqual(['SV-2028-0001']);
    expect(await store.listIncidents()).toEqual(before);
    expect(await store.listPurges()).toEqual([]);
  });

  it('keeps the final report as DOCX first when asked', async () => {
    const kept: [string, Buffer][] = [];
    const result = await purgeClosedIncidents(testDeps(store, NOW), {
      retentionDays: 30,
      keepExport: async (name, content) => {
        kept.push([name, content]);
      },
    });
    expect(kept.map(([name]) => name)).toEqual(['sv-2028-0001-final-report.docx']);
    // A DOCX is a zip: it starts with PK.
    expect(kept[0]![1].subarray(0, 2).toString()).toBe('PK');
    expect(result.purged[0]?.exportKept).toBe(true);
  });

  it('has the platforms forget each purged incident, and nothing on a dry run', async () => {
    const forgotten: string[] = [];
    const forgetIncident = async (reference: string) => {
      forgotten.push(reference);
    };
    await purgeClosedIncidents(testDeps(store, NOW), { retentionDays: 30, dryRun: true, forgetIncident });
    expect(forgotten).toEqual([]);
    await purgeClosedIncidents(testDeps(store, NOW), { retentionDays: 30, forgetIncident });
    expect(forgotten).toEqual(['SV-2028-0001']);
  });

  it('reports a platform that could not forget, the incident being purged all the same', async () => {
    const result = await purgeClosedIncidents(testDeps(store, NOW), {
      retentionDays: 30,
      forgetIncident: async () => {
        throw new Error('disk full');
      },
    });
    expect(result.purged.map((p) => p.reference)).toEqual(['SV-2028-0001']);
    expect(result.failed).toEqual([
      {
        reference: 'SV-2028-0001',
        error: "purged from the store, but the chat platforms' copies could not be removed: disk full",
      },
    ]);
    expect(await store.getIncident('SV-2028-0001')).toBeUndefined();
  });

  it('keeps the incident when its report cannot be kept, and says why', async () => {
    const result = await purgeClosedIncidents(testDeps(store, NOW), {
      retentionDays: 30,
      keepExport: async () => {
        throw new Error('disk full');
      },
    });
    expect(result.purged).toEqual([]);
    expect(result.failed).toEqual([{ reference: 'SV-2028-0001', error: 'disk full' }]);
    expect(await store.getIncident('SV-2028-0001')).toBeDefined();
    expect(await store.listPurges()).toEqual([]);
  });
});

describe('keepExportIn', () => {
  it('writes the report into the folder, creating it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'muster-keep-'));
    try {
      const keep = keepExportIn(join(dir, 'kept'));
      await keep('sv-2028-0001-final-report.docx', Buffer.from('PK report'));
      expect(await readdir(join(dir, 'kept'))).toEqual(['sv-2028-0001-final-report.docx']);
      expect(await readFile(join(dir, 'kept', 'sv-2028-0001-final-report.docx'), 'utf8')).toBe('PK report');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('startRetentionJob', () => {
  it('runs the purge once a day even when asked twice', async () => {
    const { store, cleanup } = await STORES[0]!.open();
    await store.createIncident(closed('SV-2028-0001', OLD));
    const results: unknown[] = [];
    const job = startRetentionJob({
      deps: testDeps(store, NOW),
      retention: { retentionDays: 30 },
      onResult: (r) => results.push(r),
      onError: (e) => results.push(e),
    });
    try {
      const first = await job.runNow();
      const second = await job.runNow();
      expect(first?.purged.map((p) => p.reference)).toEqual(['SV-2028-0001']);
      expect(second).toBeUndefined();
      expect(results).toHaveLength(1);
    } finally {
      await job.stop();
      await cleanup();
    }
  });
});
