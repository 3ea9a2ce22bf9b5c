/**
 * The reminder rows in PostgreSQL: syncing with the plan, and the claim
 * protocol that lets several replicas share one table with nothing sent twice
 * and nothing lost.
 *
 * A claim is one statement: it picks due, unsent rows not under a live lease
 * with `FOR UPDATE SKIP LOCKED` (rows another replica is claiming right now
 * are passed over, not waited for) and writes the claimant and the lease end.
 * Completing or releasing a claim succeeds only while the claimant still
 * holds it, so a replica whose lease ran out and was taken over cannot mark
 * the other's work. The rules for what syncing keeps are the lowdb store's
 * (`syncPlanned`), applied to the rows read under the incident's row lock.
 */
import type pg from 'pg';
import type { PlannedReminder, Reminder } from '../../../core/reminders/reminder.js';
import type { ClaimOptions } from '../../../ports.js';
import { syncPlanned } from '../lowdb/reminder-rows.js';
import {
  REMINDER_COLUMNS,
  REMINDER_FIELDS,
  REMINDER_RECORD,
  type ReminderRow,
  reminderRecords,
  toReminder,
} from './pg-rows.js';

type Queryable = pg.Pool | pg.PoolClient;

export async function listReminders(db: Queryable, incidentId: string): Promise<Reminder[]> {
  const found = await db.query<ReminderRow>(
    `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE incident_id = $1 ORDER BY fire_at, key COLLATE "C"`,
    [incidentId],
  );
  return found.rows.map(toReminder);
}

/** Call with the incident's row locked, so two syncs of one incident take turns. */
export async function syncReminderRows(
  client: pg.PoolClient,
  incidentId: string,
  planned: readonly PlannedReminder[],
): Promise<void> {
  const current = await listReminders(client, incidentId);
  const unsent = syncPlanned(incidentId, current, planned).filter((r) => r.sentAt === undefined);
  await client.query(
    'DELETE FROM reminders WHERE incident_id = $1 AND sent_at IS NULL AND NOT (key = ANY($2::text[]))',
    [incidentId, unsent.map((r) => r.key)],
  );
  if (unsent.length === 0) return;
  // A row already there keeps its attempts and any live claim; only what the plan owns changes.
  await client.query(
    `INSERT INTO reminders (${REMINDER_COLUMNS})
     SELECT $1, ${REMINDER_FIELDS} FROM jsonb_to_recordset($2::jsonb) AS ${REMINDER_RECORD}
     ON CONFLICT (incident_id, key) DO UPDATE
       SET milestone_id = EXCLUDED.milestone_id, kind = EXCLUDED.kind,
           fire_at = EXCLUDED.fire_at, notify = EXCLUDED.notify
       WHERE reminders.sent_at IS NULL`,
    [incidentId, reminderRecords(unsent)],
  );
}

/** Inserts reminders exactly as given (sent state, attempts and claims included); for moving data in. */
export async function insertReminderRows(
  client: pg.PoolClient,
  incidentId: string,
  reminders: readonly Reminder[],
): Promise<void> {
  if (reminders.length === 0) return;
  await client.query(
    `INSERT INTO reminders (${REMINDER_COLUMNS})
     SELECT $1, ${REMINDER_FIELDS} FROM jsonb_to_recordset($2::jsonb) AS ${REMINDER_RECORD}`,
    [incidentId, reminderRecords(reminders)],
  );
}

export async function claimDue(pool: pg.Pool, options: ClaimOptions): Promise<Reminder[]> {
  if (options.limit <= 0) return [];
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  // A lease that ends exactly now has ended. An incident whose document is not even an object naming
  // it is passed over: its reminders could not be rendered, and claiming them every tick helps no one.
  const claimed = await pool.query<ReminderRow>(
    `UPDATE reminders AS r SET claimed_by = $2, lease_until = $3
     FROM (
       SELECT incident_id, key FROM reminders AS d
       WHERE d.sent_at IS NULL AND d.fire_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1)
         AND EXISTS (SELECT 1 FROM incidents AS i WHERE i.id = d.incident_id AND i.doc->>'id' = i.id)
       ORDER BY d.fire_at, d.incident_id COLLATE "C", d.key COLLATE "C"
       LIMIT $4
       FOR UPDATE OF d SKIP LOCKED
     ) AS due
     WHERE r.incident_id = due.incident_id AND r.key = due.key
     RETURNING r.*`,
    [options.now, options.owner, leaseUntil, options.limit],
  );
  return claimed.rows.map(toReminder).sort(byFireTime);
}

function byFireTime(a: Reminder, b: Reminder): number {
  return (
    Date.parse(a.fireAt) - Date.parse(b.fireAt) ||
    compare(a.incidentId, b.incidentId) ||
    compare(a.key, b.key)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An expired lease still counts if nobody took the reminder over: the message went out, so record it. */
export async function markSent(
  pool: pg.Pool,
  incidentId: string,
  key: string,
  owner: string,
  sentAt: Date,
): Promise<boolean> {
  const done = await pool.query(
    `UPDATE reminders SET sent_at = $4, claimed_by = NULL, lease_until = NULL
     WHERE incident_id = $1 AND key = $2 AND claimed_by = $3 AND sent_at IS NULL`,
    [incidentId, key, owner, sentAt],
  );
  return done.rowCount === 1;
}

/** False when `owner` does not hold the reminder; the other holder's claim is then left alone. */
export async function release(
  pool: pg.Pool,
  incidentId: string,
  key: string,
  owner: string,
  error: string,
): Promise<boolean> {
  const done = await pool.query(
    `UPDATE reminders SET attempts = attempts + 1, last_error = $4, claimed_by = NULL, lease_until = NULL
     WHERE incident_id = $1 AND key = $2 AND claimed_by = $3 AND sent_at IS NULL`,
    [incidentId, key, owner, error],
  );
  return done.rowCount === 1;
}
