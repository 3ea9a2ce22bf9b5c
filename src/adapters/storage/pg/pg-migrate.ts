/**
 * Versioned schema migrations: the `NNN_name.sql` files beside this module,
 * applied in order, each in its own transaction and recorded in
 * `schema_migrations`. A session-level advisory lock (one per schema) makes
 * replicas that start together take turns, so the second finds the work done
 * instead of racing the first. Running it again changes nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { checkSchemaName, DEFAULT_PG_SCHEMA, openPgPool, type PgConnection } from './pg-connection.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  /** Versions applied by this run, oldest first. */
  applied: Migration[];
  /** The schema's version afterwards. */
  version: number;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`Migration file ${file} is not named NNN_name.sql.`);
    const version = Number(match[1]);
    if (version !== migrations.length + 1) {
      throw new Error(`Migration ${file} breaks the sequence: expected version ${migrations.length + 1}.`);
    }
    migrations.push({ version, name: match[2]!, sql: await readFile(new URL(file, MIGRATIONS_DIR), 'utf8') });
  }
  return migrations;
}

/** Brings `schema` (the pool's search_path) up to the latest version. */
export async function migrate(pool: pg.Pool, schema: string): Promise<MigrationResult> {
  const migrations = await loadMigrations();
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockName(schema)]);
    try {
      await ensureSchema(client, schema);
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const done = await appliedVersions(client);
      const applied: Migration[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await applyOne(client, migration);
        applied.push(migration);
      }
      return { applied, version: Math.max(0, ...done, ...applied.map((m) => m.version)) };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName(schema)]);
    }
  } finally {
    client.release();
  }
}

/** `db migrate`: connects, brings the schema up to date and disconnects. */
export async function migrateDatabase(
  connection: PgConnection,
): Promise<MigrationResult & { schema: string }> {
  const schema = checkSchemaName(connection.schema ?? DEFAULT_PG_SCHEMA);
  const pool = await openPgPool({ ...connection, schema });
  try {
    return { ...(await migrate(pool, schema)), schema };
  } finally {
    await pool.end();
  }
}

/** Refuses a schema that is behind this code (the store would fail on a missing table mid-request otherwise). */
export async function requireMigrated(pool: pg.Pool): Promise<void> {
  const latest = (await loadMigrations()).length;
  const table = await pool.query<{ found: string | null }>(
    "SELECT to_regclass('schema_migrations') AS found",
  );
  const version = table.rows[0]?.found
    ? ((
        await pool.query<{ version: number }>(
          'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
        )
      ).rows[0]?.version ?? 0)
    : 0;
  if (version < latest) {
    throw new MusterError(
      ErrorCode.InvalidConfig,
      `The PostgreSQL schema is at version ${version}, this Muster needs version ${latest}. ` +
        'Run `npm run cli -- db migrate` (or start Muster, which migrates) and try again.',
    );
  }
}

function lockName(schema: string): string {
  return `muster:migrate:${schema}`;
}

/** Created only when missing: CREATE SCHEMA needs a privilege a locked-down deployment may not grant. */
async function ensureSchema(client: pg.PoolClient, schema: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  // The name was checked to be a plain identifier when the pool was made, so it is safe to splice.
  if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${schema}`);
}

async function appliedVersions(client: pg.PoolClient): Promise<Set<number>> {
  const rows = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.rows.map((row) => row.version));
}

async function applyOne(client: pg.PoolClient, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
      migration.version,
      migration.name,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(
      `Migration ${String(migration.version).padStart(3, '0')}_${migration.name} failed and was rolled back: ` +
        `${(error as Error).message}`,
    );
  }
}
