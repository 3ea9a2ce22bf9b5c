/**
 * What the scheduler, memory and replica benches share: incidents that are
 * already announced (so the tick's resume step has nothing to finish),
 * reminder rows that are pending (far in the future) or due (a minute ago),
 * fast seeding through the `Store` API, and the stores to run on (lowdb in a
 * temporary directory, PostgreSQL in a throwaway schema dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openLowdbStore } from '../src/adapters/storage/lowdb/lowdb-store.js';
import { openPgStore } from '../src/adapters/storage/pg/pg-store.js';
import type { Incident } from '../src/core/incident/incident.js';
import { formatReference } from '../src/core/incident/reference.js';
import type { PlannedReminder } from '../src/core/reminders/reminder.js';
import type { Store } from '../src/ports.js';
import { makeIncident } from '../test/fixtures/incident-factory.js';

/** The scheduler's "now": the morning after the incident, when the initial meeting is still pending. */
export const NOW = '2027-03-15T12:00:00.000Z';
const DUE_AT = '2027-03-15T11:59:00.000Z';
const PENDING_AT = '2028-01-01T09:00:00.000Z';
export const PENDING_PER_INCIDENT = 10;

export const DATABASE_URL = process.env.MUSTER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** An open incident in Corby, fully announced on `platforms` (so resuming announcements skips it). */
export function announcedIncident(year: number, n: number, platforms: readonly string[]): Incident {
  const reference = formatReference(year, n);
  const spaces = Object.fromEntries(
    platforms.map((name) => [
      name,
      { spaceId: `C${year}${n}`, spaceName: `sv-${n}`, completedAt: '2027-03-15T07:30:00.000Z' },
    ]),
  );
  return makeIncident({ id: reference, reference, area: 'corby', spaces });
}

export function pendingReminders(): PlannedReminder[] {
  return Array.from({ length: PENDING_PER_INCIDENT }, (_, k) => ({
    key: `pending-${k}`,
    milestoneId: 'initial-meeting',
    kind: 'before',
    fireAt: new Date(Date.parse(PENDING_AT) + k * 3_600_000).toISOString(),
    notify: ['sio', 'coordinators'],
  }));
}

/** One reminder due a minute before `NOW`, for the initial meeting (still pending then), so it is delivered. */
export function dueReminder(key: string, notify = ['sio', 'coordinators']): PlannedReminder {
  return { key, milestoneId: 'initial-meeting', kind: 'at', fireAt: DUE_AT, notify };
}

/** Creates incidents `first…first+count-1` of `year`, each with `reminders`, 32 at a time. */
export async function seed(
  store: Store,
  year: number,
  first: number,
  count: number,
  platforms: readonly string[],
  reminders: () => PlannedReminder[],
): Promise<string[]> {
  const ids: string[] = [];
  const parallel = 32;
  for (let start = first; start < first + count; start += parallel) {
    const ns = Array.from({ length: Math.min(parallel, first + count - start) }, (_, i) => start + i);
    await Promise.all(
      ns.map(async (n) => {
        const incident = await store.createIncident(announcedIncident(year, n, platforms));
        const planned = reminders();
        if (planned.length > 0) await store.syncReminders(incident.id, planned);
        ids.push(incident.id);
      }),
    );
  }
  return ids.sort();
}

export interface BenchStore {
  store: Store;
  /** The lowdb data directory (lowdb only). */
  dir?: string;
  /** Reopens durable (fsync on / synchronous commit), as in production, after a fast seed. */
  reopenDurable(): Promise<Store>;
  close(): Promise<void>;
}

export type StoreKind = 'lowdb' | 'pg';

export async function openBenchStore(kind: StoreKind): Promise<BenchStore> {
  return kind === 'lowdb' ? openLowdbBench() : openPgBench();
}

const quiet = (): void => undefined;

async function openLowdbBench(): Promise<BenchStore> {
  const dir = await mkdtemp(join(tmpdir(), 'muster-bench-'));
  let store = await openLowdbStore(dir, { durable: false, onWarning: quiet });
  return {
    dir,
    get store() {
      return store;
    },
    async reopenDurable() {
      await store.close();
      store = await openLowdbStore(dir, { onWarning: quiet });
      return store;
    },
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function benchSchemaName(): string {
  return `muster_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

async function openPgBench(): Promise<BenchStore> {
  const schema = benchSchemaName();
  let store: Store = await openPgStore({ connectionString: DATABASE_URL, schema, durable: false });
  return {
    get store() {
      return store;
    },
    async reopenDurable() {
      await store.close();
      store = await openPgStore({ connectionString: DATABASE_URL, schema });
      return store;
    },
    async close() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** Whether the PostgreSQL server the benches use answers; the pg rows are skipped (and say so) if not. */
export async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
