/**
 * Retention on PostgreSQL: a closed incident past its time is deleted (its
 * events and reminders go with it, `ON DELETE CASCADE`) and the purge logged
 * in `incident_purges`, in one transaction. The row is locked first, so a
 * reopen racing the purge either lands before (and the purge is skipped) or
 * waits and finds nothing to update.
 */
import type pg from 'pg';
import type { PurgeRecord } from '../../../ports.js';
import { inTransaction } from './pg-connection.js';

export function purgeIncidentRows(
  pool: pg.Pool,
  id: string,
  closedBefore: Date,
  record: PurgeRecord,
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const found = await client.query<{ status: string; updated_at: string }>(
      'SELECT status, updated_at FROM incidents WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = found.rows[0];
    if (row?.status !== 'closed' || Date.parse(row.updated_at) >= closedBefore.getTime()) return false;
    await client.query('DELETE FROM incidents WHERE id = $1', [id]);
    await client.query(
      'INSERT INTO incident_purges (reference, closed_at, purged_at, export_kept) VALUES ($1, $2, $3, $4)',
      [record.reference, record.closedAt, record.purgedAt, record.exportKept],
    );
    return true;
  });
}

export async function selectPurges(pool: pg.Pool): Promise<PurgeRecord[]> {
  const rows = await pool.query<{
    reference: string;
    closed_at: string;
    purged_at: string;
    export_kept: boolean;
  }>('SELECT reference, closed_at, purged_at, export_kept FROM incident_purges ORDER BY seq');
  return rows.rows.map((r) => ({
    reference: r.reference,
    closedAt: r.closed_at,
    purgedAt: r.purged_at,
    exportKept: r.export_kept,
  }));
}
