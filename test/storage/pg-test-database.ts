/**
 * The PostgreSQL server the pg tests run against (127.0.0.1:5432, database
 * `test`, user `postgres` unless MUSTER_TEST_DATABASE_URL says otherwise),
 * and a throwaway schema per test: `muster_test_<pid>_<random>`, created by
 * the store's own migrations and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgStore, type PgStore } from '../../src/adapters/storage/pg/pg-store.js';

export const TEST_DATABASE_URL =
  process.env.MUSTER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function testSchemaName(): string {
  return `muster_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export interface TestSchema {
  schema: string;
  /** A new store on the schema (migrated on first open), closed by `drop` if still open. */
  open(options?: { poolSize?: number }): Promise<PgStore>;
  /** Runs SQL in the schema outside any store (to damage or inspect rows). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export function testSchema(schema = testSchemaName()): TestSchema {
  const stores = new Set<PgStore>();
  const admin = new pg.Pool({
    connectionString: TEST_DATABASE_URL,
    max: 2,
    options: `-c search_path=${schema}`,
  });
  return {
    schema,
    async open(options = {}) {
      // Throwaway data: commits need not wait for the disk.
      const store = await openPgStore({
        connectionString: TEST_DATABASE_URL,
        schema,
        durable: false,
        ...options,
      });
      stores.add(store);
      return store;
    },
    async query(sql, params = []) {
      return (await admin.query(sql, params)).rows;
    },
    async drop() {
      await Promise.all([...stores].map((store) => store.close()));
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
