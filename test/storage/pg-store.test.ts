/**
 * The PostgreSQL store: the shared contract against the real server (a fresh
 * schema per test, dropped afterwards), then what is particular to it
 * (migrations, event numbering in the database, references and reminders
 * as rows).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPgStore, PgStore } from '../../src/adapters/storage/pg/pg-store.js';
import { startMuster } from '../../src/app-runtime.js';
import { loadConfig } from '../../src/config.js';
import { ErrorCode, isMusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { makeEvent, makeIncident } from '../fixtures/incident-factory.js';
import { at, planned } from './contract/contract-kit.js';
import { TEST_DATABASE_URL, type TestSchema, testSchema } from './pg-test-database.js';
import { describeStoreContract } from './store-contract.js';

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describeStoreContract('postgres', async () => {
  const db = testSchema();
  let store: Store = await db.open();
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = await db.open();
      return store;
    },
    // The document replaced by JSON null, as a bad hand edit of the doc column would leave it.
    async corruptIncident(id) {
      await db.query(`UPDATE incidents SET doc = 'null'::jsonb WHERE id = $1`, [id]);
    },
    cleanup: () => db.drop(),
  };
});

describe('postgres store', () => {
  let db: TestSchema;
  let store: PgStore;

  beforeEach(async () => {
    db = testSchema();
    store = await db.open();
  });

  afterEach(async () => {
    await db.drop();
  });

  describe('migrations', () => {
    it('records each migration once and changes nothing when run again', async () => {
      const again = await db.open();
      const rows = await db.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(rows).toEqual([
        { version: 1, name: 'init' },
        { version: 2, name: 'plans' },
        { version: 3, name: 'purges' },
        { version: 4, name: 'directory_platform' },
      ]);
      await again.close();
    });

    it('lets replicas that start together migrate an empty schema without a race', async () => {
      const fresh = testSchema();
      try {
        const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
        expect(stores).toHaveLength(3);
        expect(await fresh.query('SELECT version FROM schema_migrations')).toEqual([
          { version: 1 },
          { version: 2 },
          { version: 3 },
          { version: 4 },
        ]);
      } finally {
        await fresh.drop();
      }
    });

    it('refuses a schema that was never migrated when asked not to migrate, naming the command', async () => {
      const fresh = testSchema();
      try {
        const error = await errorOf(
          openPgStore({ connectionString: TEST_DATABASE_URL, schema: fresh.schema, migrate: false }),
        );
        expect(isMusterError(error, ErrorCode.InvalidConfig)).toBe(true);
        expect((error as Error).message).toContain('db migrate');
      } finally {
        await fresh.drop();
      }
    });

    it('refuses a schema name that is not a plain identifier, before connecting', async () => {
      const error = await errorOf(
        openPgStore({ connectionString: TEST_DATABASE_URL, schema: 'muster; DROP TABLE x' }),
      );
      expect(isMusterError(error, ErrorCode.InvalidConfig)).toBe(true);
      expect((error as Error).message).toContain('schema name');
    });

    it('says what to check when nothing listens at the address', async () => {
      const error = await errorOf(
        openPgStore({
          connectionString: 'postgres://postgres:secret-pw@127.0.0.1:1/test',
          schema: db.schema,
        }),
      );
      expect(isMusterError(error, ErrorCode.InvalidConfig)).toBe(true);
      expect((error as Error).message).toMatch(/check the host and port in DATABASE_URL/);
      expect((error as Error).message).not.toContain('secret-pw');
    });
  });

  it('keeps the listing columns in step with the document on every update', async () => {
    const incident = await store.createIncident(makeIncident({ area: 'southtown' }));
    await store.updateIncident(incident.id, (current) => ({
      incident: { ...current, status: 'initial-held', title: 'Renamed' },
    }));
    const [row] = await db.query(
      'SELECT status, title, area, version, ref_year, ref_seq, doc->>$2 AS doc_title FROM incidents WHERE id = $1',
      [incident.id, 'title'],
    );
    expect(row).toEqual({
      status: 'initial-held',
      title: 'Renamed',
      area: 'southtown',
      version: 2,
      ref_year: 2027,
      ref_seq: Number(incident.reference.slice(-4)),
      doc_title: 'Renamed',
    });
  });

  it('numbers events without gaps when appends and updates race on one incident', async () => {
    const incident = await store.createIncident(makeIncident(), [makeEvent('incident.opened')]);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? store.appendEvents(incident.id, [makeEvent('note.added', i), makeEvent('note.added', i)])
          : store.updateIncident(incident.id, (current) => ({
              incident: current,
              events: [makeEvent('x.changed', i)],
            })),
      ),
    );
    const events = await store.listEvents(incident.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    const [row] = await db.query('SELECT last_seq FROM incidents WHERE id = $1', [incident.id]);
    expect(row?.last_seq).toBe(61);
  });

  it('does not hand out a reference an incident is already stored under', async () => {
    await store.createIncident(makeIncident({ id: 'SV-2043-0002' }));
    expect(await store.allocateReference(2043)).toBe('SV-2043-0003');
  });

  it('refuses a year a reference cannot carry and uses up no number', async () => {
    await expect(store.allocateReference(99999)).rejects.toThrow(/cannot be used in a reference/);
    expect(await db.query('SELECT * FROM reference_counters')).toEqual([]);
  });

  it('keeps a reminder claim in place when the plan moves its fire time', async () => {
    const incident = await store.createIncident(makeIncident());
    await store.syncReminders(incident.id, [planned('initial:at', '2027-03-16T09:00:00.000Z')]);
    await store.claimDueReminders({
      now: at('2027-03-16T09:00:00.000Z'),
      owner: 'a',
      leaseMs: 60_000,
      limit: 5,
    });
    await store.syncReminders(incident.id, [planned('initial:at', '2027-03-16T09:30:00.000Z')]);
    expect((await store.listReminders(incident.id))[0]).toMatchObject({
      fireAt: '2027-03-16T09:30:00.000Z',
      claimedBy: 'a',
    });
  });

  it('refuses a plan that names a reminder twice and keeps the rows it had', async () => {
    const incident = await store.createIncident(makeIncident());
    await store.syncReminders(incident.id, [planned('initial:at', '2027-03-16T09:00:00.000Z')]);
    const error = await errorOf(
      store.syncReminders(incident.id, [
        planned('review:at', '2027-03-17T09:00:00.000Z'),
        planned('review:at', '2027-03-18T09:00:00.000Z'),
      ]),
    );
    expect(isMusterError(error, ErrorCode.InvalidInput)).toBe(true);
    expect((await store.listReminders(incident.id)).map((r) => r.key)).toEqual(['initial:at']);
  });

  it('refuses to plan reminders for an incident that does not exist, with not_found', async () => {
    const error = await errorOf(
      store.syncReminders('SV-2027-0404', [planned('a:at', '2027-03-16T09:00:00Z')]),
    );
    expect(isMusterError(error, ErrorCode.NotFound)).toBe(true);
  });

  it('refuses work once closed', async () => {
    await store.close();
    await expect(store.listIncidents()).rejects.toThrow(/closed/);
  });
});

describe('Muster with DATABASE_URL', () => {
  it('refuses MUSTER_PG_SCHEMA without DATABASE_URL, and a schema name that would need quoting', () => {
    expect(() => loadConfig({ MUSTER_PG_SCHEMA: 'muster' })).toThrow(
      expect.objectContaining({
        details: [{ path: 'DATABASE_URL', message: 'is missing but MUSTER_PG_SCHEMA is set' }],
      }),
    );
    expect(() => loadConfig({ DATABASE_URL: TEST_DATABASE_URL, MUSTER_PG_SCHEMA: 'a"b' })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'MUSTER_PG_SCHEMA' })] }),
    );
  });

  it('migrates the schema at start and keeps its data in PostgreSQL, not the data directory', async () => {
    const db = testSchema();
    const dataDir = await mkdtemp(join(tmpdir(), 'muster-pg-runtime-'));
    try {
      const config = loadConfig({
        PORT: '0',
        MUSTER_DATA_DIR: join(dataDir, 'data'),
        MUSTER_TICK_CRON: '0 0 1 1 *',
        LOG_LEVEL: 'silent',
        DATABASE_URL: TEST_DATABASE_URL,
        MUSTER_PG_SCHEMA: db.schema,
      });
      expect(config).toMatchObject({ databaseUrl: TEST_DATABASE_URL, databaseSchema: db.schema });
      const muster = await startMuster({
        config,
        clock: new FixedClock('2027-08-28T09:00:00+01:00'),
        runOnStart: false,
        host: '127.0.0.1',
      });
      try {
        expect(muster.store).toBeInstanceOf(PgStore);
        expect(await muster.store.allocateReference(2027)).toBe('SV-2027-0001');
      } finally {
        await muster.stop();
      }
      expect(await db.query('SELECT version FROM schema_migrations')).toEqual([
        { version: 1 },
        { version: 2 },
        { version: 3 },
        { version: 4 },
      ]);
      expect(await db.query('SELECT year, last FROM reference_counters')).toEqual([{ year: 2027, last: 1 }]);
    } finally {
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('postgres store shared by replicas', () => {
  let db: TestSchema;

  beforeEach(() => {
    db = testSchema();
  });

  afterEach(async () => {
    await db.drop();
  });

  const edit = (n: number) => ({
    at: '2027-03-15T09:00:00.000Z',
    by: { id: `slack:U${n}`, name: `Coordinator ${n}` },
    edit: { type: 'contact.removed' as const, contactId: `contact-${n}` },
    summary: `change ${n}`,
  });

  it('numbers directory changes 1 to n, each once, when two replicas append together', async () => {
    const [a, b] = [await db.open({ poolSize: 4 }), await db.open({ poolSize: 4 })];
    const stored = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).appendDirectoryChange(edit(i))),
    );
    const expected = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(stored.map((s) => s.seq).sort((x, y) => x - y)).toEqual(expected);
    expect((await b.listDirectoryChanges()).map((s) => s.seq)).toEqual(expected);
    expect(await a.listDirectoryChanges()).toEqual(await b.listDirectoryChanges());
  });

  it('uses up no number for an append that fails', async () => {
    const store = await db.open();
    await store.appendDirectoryChange(edit(1));
    // A value jsonb cannot hold (a lone surrogate) makes the insert fail inside its transaction.
    const error = await errorOf(store.appendDirectoryChange({ ...edit(2), by: { id: 'x', name: '\ud800' } }));
    expect(error).toBeInstanceOf(Error);
    expect((await store.appendDirectoryChange(edit(3))).seq).toBe(2);
  });

  it('lets a record one replica put be read by the other at once', async () => {
    const [a, b] = [await db.open({ poolSize: 2 }), await db.open({ poolSize: 2 })];
    await a.putPlatformRecord('teams', 'personal:aad-pat', { conversationId: 'a:1' });
    expect(await b.getPlatformRecord('teams', 'personal:aad-pat')).toEqual({ conversationId: 'a:1' });
    await b.putPlatformRecord('teams', 'personal:aad-pat', { conversationId: 'a:2' });
    expect(await a.listPlatformRecords('teams')).toEqual([
      { key: 'personal:aad-pat', value: { conversationId: 'a:2' } },
    ]);
  });
});
