/**
 * What chat platform adapters share between replicas, in PostgreSQL (table
 * `platform_records`, migration 004): one JSONB value per namespace and key.
 * A put is one upsert, so two replicas saving the same key leave one whole
 * value, the later one, and never a mix.
 */
import type pg from 'pg';

type Queryable = pg.Pool | pg.PoolClient;

export async function selectPlatformRecord(db: Queryable, namespace: string, key: string): Promise<unknown> {
  const found = await db.query<{ value: unknown }>(
    'SELECT value FROM platform_records WHERE namespace = $1 AND key = $2',
    [namespace, key],
  );
  return found.rows[0]?.value;
}

export async function upsertPlatformRecord(
  db: Queryable,
  namespace: string,
  key: string,
  value: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO platform_records (namespace, key, value) VALUES ($1, $2, $3)
     ON CONFLICT (namespace, key) DO UPDATE SET value = EXCLUDED.value`,
    [namespace, key, JSON.stringify(value ?? null)],
  );
}

export async function deletePlatformRecord(db: Queryable, namespace: string, key: string): Promise<void> {
  await db.query('DELETE FROM platform_records WHERE namespace = $1 AND key = $2', [namespace, key]);
}

export async function selectPlatformRecords(
  db: Queryable,
  namespace: string,
): Promise<{ key: string; value: unknown }[]> {
  const found = await db.query<{ key: string; value: unknown }>(
    'SELECT key, value FROM platform_records WHERE namespace = $1 ORDER BY key COLLATE "C"',
    [namespace],
  );
  return found.rows;
}

/**
 * Adds records whose key is still free and leaves the others as they are
 * (an import: what the replicas learned since is newer). Returns how many went in.
 */
export async function insertAbsentPlatformRecords(
  db: Queryable,
  records: readonly { namespace: string; key: string; value: unknown }[],
): Promise<number> {
  if (records.length === 0) return 0;
  const inserted = await db.query(
    `INSERT INTO platform_records (namespace, key, value)
     SELECT x.namespace, x.key, x.value
     FROM jsonb_to_recordset($1::jsonb) AS x(namespace text, key text, value jsonb)
     ON CONFLICT (namespace, key) DO NOTHING`,
    [JSON.stringify(records.map((r) => ({ ...r, value: r.value ?? null })))],
  );
  return inserted.rowCount ?? 0;
}
