/**
 * The PostgreSQL `Store`, for running Muster as several replicas on one
 * database (DATABASE_URL). Every replica opens its own `PgStore`; the
 * database, not the process, serialises what must not interleave:
 *
 *  - an update reads the incident with `SELECT … FOR UPDATE`, runs the
 *    change, and writes the document and its events in the same transaction,
 *    so concurrent updates queue on the row and a throwing change writes nothing;
 *  - event numbers come from the incident's `last_seq`, bumped in the
 *    statement that inserts the events, so seq is 1, 2, 3… with no gaps;
 *  - references come from one upsert per year, idempotency keys from one
 *    insert that does nothing on conflict;
 *  - reminders are claimed under a lease (see `pg-reminders.ts`);
 *  - retention purges lock the incident's row and log the purge (`pg-purges.ts`);
 *  - directory changes are numbered under a table lock (`pg-directory.ts`),
 *    platform records saved with an upsert (`pg-platform-records.ts`).
 *
 * The tables are in `migrations/`; `openPgStore` applies them unless told not to.
 */
import type pg from 'pg';
import type { DirectoryChange, NewDirectoryChange } from '../../../core/directory/directory-change.js';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import type { IncidentEvent, NewIncidentEvent } from '../../../core/events/incident-event.js';
import type { Incident, IncidentStatus, IncidentSummary } from '../../../core/incident/incident.js';
import { formatReference, parseReference } from '../../../core/incident/reference.js';
import type { Plan, PlanSummary } from '../../../core/plans/plan.js';
import type { PlannedReminder, Reminder } from '../../../core/reminders/reminder.js';
import type { ClaimOptions, IncidentChange, PurgeRecord, Store } from '../../../ports.js';
import {
  checkSchemaName,
  DEFAULT_PG_SCHEMA,
  inTransaction,
  openPgPool,
  type PgConnection,
} from './pg-connection.js';
import { insertDirectoryChange, selectDirectoryChanges } from './pg-directory.js';
import { migrate, requireMigrated } from './pg-migrate.js';
import { changePlan, insertPlan, selectPlan, selectPlanSummaries } from './pg-plans.js';
import {
  deletePlatformRecord,
  selectPlatformRecord,
  selectPlatformRecords,
  upsertPlatformRecord,
} from './pg-platform-records.js';
import { purgeIncidentRows, selectPurges } from './pg-purges.js';
import { claimDue, listReminders, markSent, release, syncReminderRows } from './pg-reminders.js';
import {
  EVENT_COLUMNS,
  EVENT_RECORD,
  type EventRow,
  eventRecords,
  INCIDENT_COLUMNS,
  INCIDENT_PARAMS,
  incidentValues,
  notFound,
  SUMMARY_COLUMNS,
  type SummaryRow,
  toEvent,
  toIncident,
  toSummary,
} from './pg-rows.js';

export interface PgStoreOptions extends PgConnection {
  /** Apply pending migrations at open (default true); false refuses a schema that is behind instead. */
  migrate?: boolean;
}

type Queryable = pg.Pool | pg.PoolClient;

export async function openPgStore(options: PgStoreOptions): Promise<PgStore> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_PG_SCHEMA);
  const pool = await openPgPool({ ...options, schema });
  try {
    if (options.migrate ?? true) await migrate(pool, schema);
    else await requireMigrated(pool);
    return new PgStore(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

export class PgStore implements Store {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(readonly pool: pg.Pool) {}

  allocateReference(year: number): Promise<string> {
    return this.guard(async () => {
      // Checked before the counter moves, so a bad year uses up nothing.
      formatReference(year, 1);
      const next = await this.pool.query<{ last: number }>(
        `INSERT INTO reference_counters (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1
         RETURNING last`,
        [year],
      );
      return formatReference(year, next.rows[0]!.last);
    });
  }

  createIncident(incident: Incident, events: NewIncidentEvent[] = []): Promise<Incident> {
    return this.guard(() =>
      inTransaction(this.pool, async (client) => {
        const created = await client.query(
          `INSERT INTO incidents (${INCIDENT_COLUMNS}, last_seq, doc)
           VALUES (${INCIDENT_PARAMS}, $13, $14) ON CONFLICT (id) DO NOTHING`,
          [...incidentValues(incident), events.length, JSON.stringify(incident)],
        );
        if (created.rowCount !== 1) {
          throw new MusterError(
            ErrorCode.Conflict,
            `Incident ${incident.id} already exists; it was not created again.`,
          );
        }
        await insertEvents(client, incident.id, events, 1);
        await raiseReferenceCounter(client, incident.reference);
        return structuredClone(incident);
      }),
    );
  }

  getIncident(id: string): Promise<Incident | undefined> {
    return this.guard(async () => {
      const found = await this.pool.query<{ doc: unknown }>('SELECT doc FROM incidents WHERE id = $1', [id]);
      const row = found.rows[0];
      return row ? toIncident(id, row.doc) : undefined;
    });
  }

  listIncidents(filter: { status?: IncidentStatus[] } = {}): Promise<IncidentSummary[]> {
    return this.guard(async () => {
      const where = filter.status ? 'WHERE status = ANY($1::text[])' : '';
      const found = await this.pool.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM incidents ${where} ORDER BY created_at DESC, id COLLATE "C"`,
        filter.status ? [filter.status] : [],
      );
      return found.rows.map(toSummary);
    });
  }

  updateIncident(id: string, change: (current: Incident) => IncidentChange): Promise<Incident> {
    return this.guard(() =>
      inTransaction(this.pool, async (client) => {
        const found = await client.query<{ doc: unknown; last_seq: number }>(
          'SELECT doc, last_seq FROM incidents WHERE id = $1 FOR UPDATE',
          [id],
        );
        const row = found.rows[0];
        if (!row) throw notFound(id);
        const current = toIncident(id, row.doc);
        const result = change(structuredClone(current));
        if (result.incident.id !== id) {
          throw new MusterError(
            ErrorCode.InvalidInput,
            `An update to ${id} tried to change its id; nothing was saved.`,
          );
        }
        const incident = { ...result.incident, version: current.version + 1 };
        const events = result.events ?? [];
        await client.query(
          `UPDATE incidents SET (${INCIDENT_COLUMNS}, last_seq, doc) = (${INCIDENT_PARAMS}, $13, $14)
           WHERE id = $1`,
          [...incidentValues(incident), row.last_seq + events.length, JSON.stringify(incident)],
        );
        await insertEvents(client, id, events, row.last_seq + 1);
        return incident;
      }),
    );
  }

  appendEvents(incidentId: string, events: NewIncidentEvent[]): Promise<IncidentEvent[]> {
    return this.guard(async () => {
      if (events.length === 0) {
        if (!(await this.exists(incidentId))) throw notFound(incidentId);
        return [];
      }
      // One statement: the row lock taken by bumping last_seq is held only while the events go in.
      const inserted = await this.pool.query<EventRow>(
        `WITH bumped AS (
           UPDATE incidents SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq - $2 AS before
         )
         INSERT INTO incident_events (${EVENT_COLUMNS})
         SELECT $1, bumped.before + x.seq, x.at, x.type, x.actor, x.summary, x.data
         FROM bumped, jsonb_to_recordset($3::jsonb) AS ${EVENT_RECORD}
         RETURNING ${EVENT_COLUMNS}`,
        [incidentId, events.length, eventRecords(events, 1)],
      );
      if (inserted.rowCount === 0) throw notFound(incidentId);
      return inserted.rows.map(toEvent).sort((a, b) => a.seq - b.seq);
    });
  }

  listEvents(
    incidentId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<IncidentEvent[]> {
    return this.guard(async () => {
      const found = await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM incident_events WHERE incident_id = $1 AND seq > $2
         ORDER BY seq LIMIT $3`,
        [incidentId, options.afterSeq ?? 0, options.limit ?? null],
      );
      return found.rows.map(toEvent);
    });
  }

  syncReminders(incidentId: string, planned: PlannedReminder[]): Promise<void> {
    return this.guard(() =>
      inTransaction(this.pool, async (client) => {
        const locked = await client.query('SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE', [incidentId]);
        if (locked.rowCount === 0) throw notFound(incidentId);
        await syncReminderRows(client, incidentId, planned);
      }),
    );
  }

  listReminders(incidentId: string): Promise<Reminder[]> {
    return this.guard(() => listReminders(this.pool, incidentId));
  }

  claimDueReminders(options: ClaimOptions): Promise<Reminder[]> {
    return this.guard(() => claimDue(this.pool, options));
  }

  markReminderSent(incidentId: string, key: string, owner: string, sentAt: Date): Promise<boolean> {
    return this.guard(() => markSent(this.pool, incidentId, key, owner, sentAt));
  }

  releaseReminder(incidentId: string, key: string, owner: string, error: string): Promise<void> {
    return this.guard(async () => {
      // Not the holder: the reminder belongs to whoever claimed it since, so leave it be.
      if (await release(this.pool, incidentId, key, owner, error)) return;
      if (!(await this.exists(incidentId))) throw notFound(incidentId);
    });
  }

  rememberOnce(key: string, at: Date): Promise<boolean> {
    return this.guard(async () => {
      const inserted = await this.pool.query(
        'INSERT INTO idempotency_keys (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
        [key, at],
      );
      return inserted.rowCount === 1;
    });
  }

  createPlan(plan: Plan): Promise<Plan> {
    return this.guard(() => insertPlan(this.pool, plan));
  }

  getPlan(id: string): Promise<Plan | undefined> {
    return this.guard(() => selectPlan(this.pool, id));
  }

  listPlans(): Promise<PlanSummary[]> {
    return this.guard(() => selectPlanSummaries(this.pool));
  }

  updatePlan(id: string, change: (current: Plan) => Plan): Promise<Plan> {
    return this.guard(() => changePlan(this.pool, id, change));
  }

  purgeIncident(id: string, closedBefore: Date, record: PurgeRecord): Promise<boolean> {
    return this.guard(() => purgeIncidentRows(this.pool, id, closedBefore, record));
  }

  listPurges(): Promise<PurgeRecord[]> {
    return this.guard(() => selectPurges(this.pool));
  }

  appendDirectoryChange(change: NewDirectoryChange): Promise<DirectoryChange> {
    return this.guard(() => insertDirectoryChange(this.pool, change));
  }

  listDirectoryChanges(afterSeq?: number): Promise<DirectoryChange[]> {
    return this.guard(() => selectDirectoryChanges(this.pool, afterSeq));
  }

  getPlatformRecord(namespace: string, key: string): Promise<unknown> {
    return this.guard(() => selectPlatformRecord(this.pool, namespace, key));
  }

  putPlatformRecord(namespace: string, key: string, value: unknown): Promise<void> {
    return this.guard(() => upsertPlatformRecord(this.pool, namespace, key, value));
  }

  listPlatformRecords(namespace: string): Promise<{ key: string; value: unknown }[]> {
    return this.guard(() => selectPlatformRecords(this.pool, namespace));
  }

  deletePlatformRecord(namespace: string, key: string): Promise<void> {
    return this.guard(() => deletePlatformRecord(this.pool, namespace, key));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.pool.end();
  }

  private async exists(id: string): Promise<boolean> {
    return ((await this.pool.query('SELECT 1 FROM incidents WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  /** Refuses work after `close` and lets `close` wait for work already under way. */
  private guard<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('This store is closed; open it again to use it.'));
    const running = task();
    this.inFlight.add(running);
    void running.then(
      () => this.inFlight.delete(running),
      () => this.inFlight.delete(running),
    );
    return running;
  }
}

/** Inserts events numbered from `firstSeq`; the caller has already moved `last_seq` past them. */
export async function insertEvents(
  db: Queryable,
  incidentId: string,
  events: readonly NewIncidentEvent[],
  firstSeq: number,
): Promise<void> {
  if (events.length > 0) await insertEventRecords(db, incidentId, eventRecords(events, firstSeq));
}

/** Inserts events `storedEventRecords` or `eventRecords` turned into one JSON parameter. */
export async function insertEventRecords(db: Queryable, incidentId: string, records: string): Promise<void> {
  await db.query(
    `INSERT INTO incident_events (${EVENT_COLUMNS})
     SELECT $1, x.seq, x.at, x.type, x.actor, x.summary, x.data FROM jsonb_to_recordset($2::jsonb) AS ${EVENT_RECORD}`,
    [incidentId, records],
  );
}

/** An incident stored under a reference the counter never issued still uses up that number. */
export async function raiseReferenceCounter(db: Queryable, reference: string): Promise<void> {
  const parsed = parseReference(reference);
  if (!parsed) return;
  await raiseCounters(db, new Map([[parsed.year, parsed.sequence]]));
}

export async function raiseCounters(db: Queryable, counters: ReadonlyMap<number, number>): Promise<void> {
  if (counters.size === 0) return;
  await db.query(
    `INSERT INTO reference_counters (year, last)
     SELECT * FROM unnest($1::integer[], $2::integer[])
     ON CONFLICT (year) DO UPDATE SET last = GREATEST(reference_counters.last, EXCLUDED.last)`,
    [[...counters.keys()], [...counters.values()]],
  );
}
