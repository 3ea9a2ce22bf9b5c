/**
 * `muster db migrate` and `muster db import-lowdb DIR` against the real
 * PostgreSQL server, each test in its own schema. The import is checked the
 * way the bot would see it: everything read back through the `Store` port
 * of both stores must match.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/adapters/storage/lowdb/lowdb-store.js';
import type { Incident } from '../../src/core/incident/incident.js';
import type { Store } from '../../src/ports.js';
import { makeEvent, makeIncident } from '../fixtures/incident-factory.js';
import { at, planned } from '../storage/contract/contract-kit.js';
import { TEST_DATABASE_URL, type TestSchema, testSchema } from '../storage/pg-test-database.js';
import { cli, lines, spawnCommand } from './cli-harness.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let db: TestSchema;
let dir: string;
let env: Record<string, string>;

beforeEach(async () => {
  db = testSchema();
  dir = await mkdtemp(join(tmpdir(), 'muster-import-'));
  env = { DATABASE_URL: TEST_DATABASE_URL, MUSTER_PG_SCHEMA: db.schema };
});

afterEach(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

async function schemaVersions(): Promise<number[]> {
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((row) => row.version);
}

describe('muster db migrate', () => {
  it('applies the migrations once and says there is nothing to do the second time', async () => {
    const first = await cli(['db', 'migrate'], { env });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      `Applied 001_init, 002_plans, 003_purges, 004_directory_platform. Schema ${db.schema} is at version 4.\n`,
    );

    const second = await cli(['db', 'migrate'], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`Nothing to do: schema ${db.schema} is already at version 4.\n`);
    expect(await schemaVersions()).toEqual([1, 2, 3, 4]);
  });

  it('refuses to run without DATABASE_URL, saying what to set, exit 2', async () => {
    const result = await cli(['db', 'migrate'], { env: {} });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^muster: db migrate: DATABASE_URL is not set; set it to/);
  });

  it('refuses a schema name that is not a plain identifier, naming the variable, exit 2', async () => {
    const result = await cli(['db', 'migrate'], { env: { ...env, MUSTER_PG_SCHEMA: 'Muster-Prod' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('MUSTER_PG_SCHEMA: "Muster-Prod" is not a lower-case schema name');
  });

  it('says what to check when the server cannot be reached, without repeating the password', async () => {
    const result = await cli(['db', 'migrate'], {
      env: { DATABASE_URL: 'postgres://muster:hunter2@127.0.0.1:1/muster' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('check the host and port in DATABASE_URL');
    expect(result.stderr).not.toContain('hunter2');
  });

  it('runs as a real process through npm run cli', async () => {
    const result = await spawnCommand(npm, ['run', '--silent', 'cli', '--', 'db', 'migrate'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Applied 001_init, 002_plans, 003_purges, 004_directory_platform.');
    expect(await schemaVersions()).toEqual([1, 2, 3, 4]);
  });
});

interface Fixture {
  incidents: Incident[];
}

/** A data directory written by the real lowdb store: events, sent and unsent reminders, a claim, counters. */
async function buildDataDir(): Promise<Fixture> {
  const store = await openLowdbStore(dir, { durable: false, onWarning: () => {} });
  try {
    const first = await store.createIncident(makeIncident({ status: 'initial-held' }), [
      makeEvent('incident.opened', 0),
    ]);
    const second = await store.createIncident(makeIncident({ area: 'southtown' }), [
      makeEvent('incident.opened', 1),
    ]);
    const third = await store.createIncident(makeIncident({ status: 'closed' }));
    await store.appendEvents(first.id, [
      makeEvent('note.added', 2, { text: 'Family liaison assigned' }),
      makeEvent('incident.viewed', 3),
    ]);
    await store.updateIncident(second.id, (current) => ({
      incident: { ...current, title: 'Stabbing, High Street', updatedAt: '2027-03-15T09:00:00.000Z' },
      events: [makeEvent('incident.edited', 4, { field: 'title' })],
    }));
    await store.syncReminders(first.id, [
      planned('initial:before-24h', '2027-03-16T09:00:00.000Z'),
      planned('initial:at', '2027-03-17T09:00:00.000Z'),
      planned('review:at', '2027-03-24T09:00:00.000Z', { kind: 'at', notify: ['sio', 'coordinator'] }),
    ]);
    await store.syncReminders(second.id, [planned('initial:at', '2027-03-16T10:00:00.000Z')]);
    // Sent, released after a failure, and claimed by a tick that has not finished yet.
    await store.claimDueReminders({
      now: at('2027-03-16T09:00:00.000Z'),
      owner: 'tick-1',
      leaseMs: 60_000,
      limit: 1,
    });
    await store.markReminderSent(first.id, 'initial:before-24h', 'tick-1', at('2027-03-16T09:00:02.000Z'));
    await store.claimDueReminders({
      now: at('2027-03-16T10:00:00.000Z'),
      owner: 'tick-2',
      leaseMs: 60_000,
      limit: 1,
    });
    await store.releaseReminder(second.id, 'initial:at', 'tick-2', 'Slack said channel_not_found');
    await store.claimDueReminders({
      now: at('2027-03-16T10:05:00.000Z'),
      owner: 'tick-3',
      leaseMs: 60_000,
      limit: 5,
    });
    // References handed out for incidents that were never stored still count.
    await store.allocateReference(2027);
    await store.allocateReference(2028);
    return { incidents: [first, second, third] };
  } finally {
    await store.close();
  }
}

function directoryEdit(n: number) {
  return {
    at: `2027-03-16T0${n}:00:00.000Z`,
    by: { id: 'slack:U0CARLA', name: 'Carla Coordinator' },
    edit: { type: 'coordinator.set' as const, area: 'corby', contactId: `contact-${n}`, coordinator: true },
    summary: `Carla Coordinator made contact ${n} a coordinator for Corby`,
  };
}

/** Everything the bot can read of every incident, through the port. */
async function everything(store: Store, ids: string[]) {
  const incidents = [];
  for (const id of ids) {
    incidents.push({
      incident: await store.getIncident(id),
      events: await store.listEvents(id),
      reminders: await store.listReminders(id),
    });
  }
  return { listing: await store.listIncidents(), incidents };
}

async function lowdbView(ids: string[]) {
  const store = await openLowdbStore(dir, { readOnly: true, onWarning: () => {} });
  try {
    return await everything(store, ids);
  } finally {
    await store.close();
  }
}

describe('muster db import-lowdb', () => {
  it('copies every incident, event, reminder and counter, with progress and a summary', async () => {
    const { incidents } = await buildDataDir();
    const ids = incidents.map((i) => i.id);

    const result = await cli(['db', 'import-lowdb', dir], { env });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = lines(result.stdout);
    expect(out.slice(0, 3)).toEqual([...ids].sort().map((id, i) => `${i + 1}/3 incidents (${id} imported)`));
    expect(out[3]).toBe(
      `Imported 3 incident(s), 5 event(s) and 4 reminder(s) into PostgreSQL (schema ${db.schema}).`,
    );
    expect(out[4]).toMatch(/^Reference counters: 2027 at \d+, 2028 at 1\.$/);

    const pg = await db.open();
    const imported = await everything(pg, ids);
    expect(imported).toEqual(await lowdbView(ids));
    const reminders = imported.incidents.flatMap((i) => i.reminders);
    expect(reminders.filter((r) => r.sentAt)).toHaveLength(1);
    expect(reminders.find((r) => r.lastError)).toMatchObject({
      attempts: 1,
      lastError: 'Slack said channel_not_found',
    });
    expect(reminders.filter((r) => r.claimedBy === 'tick-3')).toHaveLength(1);

    // Numbering carries on in PostgreSQL where it stopped in the directory.
    const [next] = await pg.appendEvents(ids[0]!, [makeEvent('note.added', 9)]);
    expect(next?.seq).toBe(4);
    const highest = Math.max(...ids.map((id) => Number(id.slice(-4))));
    expect(await pg.allocateReference(2027)).toBe(`SV-2027-${String(highest + 2).padStart(4, '0')}`);
    expect(await pg.allocateReference(2028)).toBe('SV-2028-0002');
  });

  it('skips incidents already imported when run again, says so, and duplicates nothing', async () => {
    const { incidents } = await buildDataDir();
    const ids = incidents.map((i) => i.id);
    expect((await cli(['db', 'import-lowdb', dir], { env })).code).toBe(0);

    // One incident more in the directory since the first run.
    const store = await openLowdbStore(dir, { durable: false, onWarning: () => {} });
    const late = await store.createIncident(makeIncident(), [makeEvent('incident.opened', 5)]);
    await store.close();

    const again = await cli(['db', 'import-lowdb', dir], { env });

    expect(again.code).toBe(0);
    const out = lines(again.stdout);
    expect(out.filter((line) => line.includes('already there, skipped'))).toHaveLength(3);
    expect(out).toContain(`Skipped 3 already imported: ${[...ids].sort().join(', ')}.`);
    expect(out).toContain(
      `Imported 1 incident(s), 1 event(s) and 0 reminder(s) into PostgreSQL (schema ${db.schema}).`,
    );
    const all = [...ids, late.id];
    expect(await everything(await db.open(), all)).toEqual(await lowdbView(all));
  });

  it('refuses an incident the database holds with other content and imports nothing', async () => {
    const { incidents } = await buildDataDir();
    const pg = await db.open();
    const clash = { ...incidents[1]!, title: 'Someone else’s incident', version: 7 };
    await pg.createIncident(clash);

    const result = await cli(['db', 'import-lowdb', dir], { env });

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('1 incident(s) in');
    expect(result.stderr).toContain('so nothing was imported');
    expect(result.stderr).toContain(
      `${clash.id}: the database holds a different version of it (version 7 there, 2 in the directory)`,
    );
    expect((await pg.listIncidents()).map((s) => s.id)).toEqual([clash.id]);
    expect(await pg.getIncident(clash.id)).toEqual(clash);
  });

  it('carries the directory edits with their numbers and the platform records over, once', async () => {
    await buildDataDir();
    const store = await openLowdbStore(dir, { durable: false, onWarning: () => {} });
    const edits = [
      await store.appendDirectoryChange(directoryEdit(1)),
      await store.appendDirectoryChange(directoryEdit(2)),
    ];
    await store.putPlatformRecord('teams', 'personal:aad-pat', {
      conversationId: 'a:1',
      serviceUrl: 'https://smba.example/',
    });
    await store.putPlatformRecord('teams', 'serviceUrl', 'https://smba.example/');
    await store.putPlatformRecord('other', 'k', [1, 2]);
    await store.close();

    const first = await cli(['db', 'import-lowdb', dir], { env });
    expect(first.code).toBe(0);
    expect(lines(first.stdout)).toContain('Imported 2 directory change(s) and 3 platform record(s).');
    const pg = await db.open();
    expect(await pg.listDirectoryChanges()).toEqual(edits);
    expect(await pg.getPlatformRecord('teams', 'personal:aad-pat')).toEqual({
      conversationId: 'a:1',
      serviceUrl: 'https://smba.example/',
    });
    expect(await pg.listPlatformRecords('other')).toEqual([{ key: 'k', value: [1, 2] }]);

    // Since the first run: one edit more in the directory, and a replica relearned the connector.
    const later = await openLowdbStore(dir, { durable: false, onWarning: () => {} });
    const third = await later.appendDirectoryChange(directoryEdit(3));
    await later.close();
    await pg.putPlatformRecord('teams', 'serviceUrl', 'https://smba.example/emea/');

    const again = await cli(['db', 'import-lowdb', dir], { env });
    expect(again.code).toBe(0);
    expect(lines(again.stdout)).toContain(
      'Imported 1 directory change(s) and 0 platform record(s); kept 3 platform record(s) the database already had.',
    );
    expect(await pg.listDirectoryChanges()).toEqual([...edits, third]);
    expect(await pg.getPlatformRecord('teams', 'serviceUrl')).toBe('https://smba.example/emea/');
    // Numbering carries on in PostgreSQL where it stopped in the directory.
    expect((await pg.appendDirectoryChange(directoryEdit(4))).seq).toBe(4);
  });

  it('refuses directory edits the database holds differently and imports nothing', async () => {
    const { incidents } = await buildDataDir();
    const store = await openLowdbStore(dir, { durable: false, onWarning: () => {} });
    await store.appendDirectoryChange(directoryEdit(1));
    await store.close();
    const pg = await db.open();
    await pg.appendDirectoryChange(directoryEdit(9));

    const result = await cli(['db', 'import-lowdb', dir], { env });

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the directory changes in');
    expect(result.stderr).toContain('so nothing was imported');
    expect(result.stderr).toContain('directory changes: the database holds 1 change(s) and change 1 differs');
    expect(await pg.listIncidents()).toEqual([]);
    expect(await pg.getIncident(incidents[0]!.id)).toBeUndefined();
    expect((await pg.listDirectoryChanges()).map((c) => c.summary)).toEqual([directoryEdit(9).summary]);
  });

  it('refuses a directory that holds no Muster data and creates nothing there', async () => {
    const empty = join(dir, 'not-data');
    await mkdir(empty);
    const result = await cli(['db', 'import-lowdb', empty], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`There is no Muster data in ${empty} (it has no index.jsonl)`);
  });

  it('asks for the directory when none is given, exit 2', async () => {
    const result = await cli(['db', 'import-lowdb'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'muster: db import-lowdb: give the data directory to import (a MUSTER_DATA_DIR)\n',
    );
  });
});
