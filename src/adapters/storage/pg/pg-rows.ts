/**
 * Between the tables and the domain: the column values an incident is listed
 * by, rows turned back into events, reminders and summaries, and the shape
 * check that turns a damaged incident document into `corrupt_data`.
 */
import { ErrorCode, MusterError, problemsFromZod } from '../../../core/errors.js';
import type { IncidentEvent, NewIncidentEvent } from '../../../core/events/incident-event.js';
import type { Incident, IncidentSummary } from '../../../core/incident/incident.js';
import { parseReference } from '../../../core/incident/reference.js';
import type { Reminder, ReminderKind } from '../../../core/reminders/reminder.js';
import { incidentShape } from '../lowdb/incident-file.js';

/** The columns of `incidents` besides `doc` and `last_seq`, in the order INCIDENT_COLUMNS names them. */
export const INCIDENT_COLUMNS =
  'id, reference, ref_year, ref_seq, title, status, area, category, occurred_at, created_at, updated_at, version';

/** The placeholders for `incidentValues`: $1…$12. */
export const INCIDENT_PARAMS = INCIDENT_COLUMNS.split(', ')
  .map((_, i) => `$${i + 1}`)
  .join(', ');

export function incidentValues(incident: Incident): unknown[] {
  const parsed = parseReference(incident.reference);
  return [
    incident.id,
    incident.reference,
    parsed?.year ?? null,
    parsed?.sequence ?? null,
    incident.title,
    incident.status,
    incident.area,
    incident.category,
    incident.occurredAt,
    incident.createdAt,
    incident.updatedAt,
    incident.version,
  ];
}

export interface SummaryRow {
  id: string;
  reference: string;
  title: string;
  occurred_at: string;
  area: string;
  category: IncidentSummary['category'];
  status: IncidentSummary['status'];
  created_at: string;
  updated_at: string;
}

export const SUMMARY_COLUMNS =
  'id, reference, title, occurred_at, area, category, status, created_at, updated_at';

export function toSummary(row: SummaryRow): IncidentSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    occurredAt: row.occurred_at,
    area: row.area,
    category: row.category,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A stored document, checked as lightly as the lowdb store checks its files. */
export function toIncident(id: string, doc: unknown): Incident {
  const result = incidentShape.safeParse(doc);
  if (!result.success) {
    throw corruptIncident(
      id,
      'it does not have the shape of an incident',
      problemsFromZod(result.error.issues),
    );
  }
  if (result.data.id !== id) throw corruptIncident(id, `it holds incident ${result.data.id}`);
  return result.data as unknown as Incident;
}

function corruptIncident(id: string, problem: string, details: ReturnType<typeof problemsFromZod> = []) {
  return new MusterError(
    ErrorCode.CorruptData,
    `The stored record of incident ${id} cannot be read: ${problem}. Restore the incidents row from a ` +
      'backup (or repair its doc column by hand); other incidents are not affected.',
    details,
  );
}

export interface EventRow {
  incident_id: string;
  seq: number;
  at: string;
  type: string;
  actor: IncidentEvent['actor'];
  summary: string;
  data: Record<string, unknown> | null;
}

export const EVENT_COLUMNS = 'incident_id, seq, at, type, actor, summary, data';

export function toEvent(row: EventRow): IncidentEvent {
  const event: IncidentEvent = {
    incidentId: row.incident_id,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    type: row.type,
    summary: row.summary,
  };
  if (row.data !== null) event.data = row.data;
  return event;
}

/** Events as one JSON parameter for `jsonb_to_recordset`, numbered from `firstSeq`. */
export function eventRecords(events: readonly NewIncidentEvent[], firstSeq: number): string {
  return storedEventRecords(events.map((event, i) => ({ ...event, seq: firstSeq + i })));
}

/** Events that already have their seq (moved from another store), as `eventRecords`. */
export function storedEventRecords(events: readonly (NewIncidentEvent & { seq: number })[]): string {
  return JSON.stringify(
    events.map((event) => ({
      seq: event.seq,
      at: event.at,
      type: event.type,
      actor: event.actor,
      summary: event.summary,
      data: event.data ?? null,
    })),
  );
}

export interface ReminderRow {
  incident_id: string;
  key: string;
  milestone_id: string;
  kind: ReminderKind;
  fire_at: Date;
  notify: string[];
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
  claimed_by: string | null;
  lease_until: Date | null;
}

/** Every reminder column but `incident_id`: the fields of `REMINDER_RECORD`. */
export const REMINDER_FIELDS =
  'key, milestone_id, kind, fire_at, notify, sent_at, attempts, last_error, claimed_by, lease_until';

export const REMINDER_COLUMNS = `incident_id, ${REMINDER_FIELDS}`;

/** Instants come back as UTC ISO strings, the form the core writes them in. */
export function toReminder(row: ReminderRow): Reminder {
  const reminder: Reminder = {
    key: row.key,
    milestoneId: row.milestone_id,
    kind: row.kind,
    fireAt: row.fire_at.toISOString(),
    notify: row.notify,
    incidentId: row.incident_id,
    attempts: row.attempts,
  };
  if (row.sent_at) reminder.sentAt = row.sent_at.toISOString();
  if (row.last_error !== null) reminder.lastError = row.last_error;
  if (row.claimed_by !== null) reminder.claimedBy = row.claimed_by;
  if (row.lease_until) reminder.leaseUntil = row.lease_until.toISOString();
  return reminder;
}

/** Reminders as one JSON parameter for `jsonb_to_recordset`, every stored field included. */
export function reminderRecords(reminders: readonly Reminder[]): string {
  return JSON.stringify(
    reminders.map((r) => ({
      key: r.key,
      milestone_id: r.milestoneId,
      kind: r.kind,
      fire_at: r.fireAt,
      notify: r.notify,
      sent_at: r.sentAt ?? null,
      attempts: r.attempts,
      last_error: r.lastError ?? null,
      claimed_by: r.claimedBy ?? null,
      lease_until: r.leaseUntil ?? null,
    })),
  );
}

/** The record definition `jsonb_to_recordset` needs for `reminderRecords`. */
export const REMINDER_RECORD =
  'x(key text, milestone_id text, kind text, fire_at timestamptz, notify jsonb, sent_at timestamptz, ' +
  'attempts integer, last_error text, claimed_by text, lease_until timestamptz)';

export const EVENT_RECORD = 'x(seq integer, at text, type text, actor jsonb, summary text, data jsonb)';

export function notFound(id: string): MusterError {
  return new MusterError(
    ErrorCode.NotFound,
    `There is no incident ${id}. Check the reference and try again.`,
  );
}
