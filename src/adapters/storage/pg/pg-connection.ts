/**
 * Connecting to PostgreSQL: a `pg` pool whose every connection works in
 * Muster's schema (set with `search_path` at connect, so the SQL never names
 * the schema), and the one way this adapter runs a transaction.
 */
import pg from 'pg';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { DEFAULT_PG_SCHEMA, isSchemaName } from './schema-name.js';

export { DEFAULT_PG_SCHEMA } from './schema-name.js';

export interface PgConnection {
  /** postgres://user:password@host:5432/database */
  connectionString: string;
  /** The schema Muster's tables live in (default `public`); created by the first migration run if missing. */
  schema?: string;
  /** Connections per store (default 10). */
  poolSize?: number;
  /**
   * Wait for each commit to reach the disk (default true). False sets
   * `synchronous_commit = off` for Muster's sessions: a crash of the server may
   * lose the last moments of commits. Like the lowdb store's option of the same
   * name, only for throwaway data (tests, benchmarks).
   */
  durable?: boolean;
}

export function checkSchemaName(name: string): string {
  if (!isSchemaName(name)) {
    throw new MusterError(
      ErrorCode.InvalidConfig,
      `"${name}" cannot be used as a PostgreSQL schema name: use lower-case letters, digits and underscores, ` +
        'starting with a letter or underscore.',
      [{ path: 'MUSTER_PG_SCHEMA', message: 'is not a plain lower-case identifier' }],
    );
  }
  return name;
}

export function createPool(connection: PgConnection): pg.Pool {
  const schema = checkSchemaName(connection.schema ?? DEFAULT_PG_SCHEMA);
  const pool = new pg.Pool({
    connectionString: connection.connectionString,
    max: connection.poolSize ?? 10,
    options: `-c search_path=${schema}${connection.durable === false ? ' -c synchronous_commit=off' : ''}`,
  });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** A pool that has reached the server once, or an `invalid_config` error saying what to check. */
export async function openPgPool(connection: PgConnection): Promise<pg.Pool> {
  const pool = createPool(connection);
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end();
    throw new MusterError(ErrorCode.InvalidConfig, describeConnectionError(error), [
      { path: 'DATABASE_URL', message: 'cannot be connected to' },
    ]);
  }
}

/** Runs `work` in a transaction on one connection: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      // The connection is unusable; drop it from the pool rather than hand it out again.
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A connection failure said in words an operator can act on, without repeating the URL (it may hold a password). */
export function describeConnectionError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const hint =
    code === 'ECONNREFUSED'
      ? 'nothing is listening there; check the host and port in DATABASE_URL and that PostgreSQL is running'
      : code === '3D000'
        ? 'the database does not exist; create it or fix the name in DATABASE_URL'
        : code === '28P01' || code === '28000'
          ? 'the server refused the user or password in DATABASE_URL'
          : (message ?? String(error));
  return `Cannot use the PostgreSQL database: ${hint}.`;
}
