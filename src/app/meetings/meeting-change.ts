/**
 * The one way the meeting use cases change a meeting record: inside
 * `store.updateIncident`, so any refusal (closed incident, no such meeting or
 * item, bad scale) leaves the incident and its audit untouched, and every
 * change appends one event saying who did what.
 */
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import { type MeetingRecord, openRecord } from '../../core/meetings/meeting-record.js';
import type { StoreDeps } from '../deps.js';
import { loadIncident, nowIso } from '../incident-timeline.js';
import { invalidInput } from '../validate-input.js';

export interface MeetingTarget {
  reference: string;
  /** The meeting to change; the one being run when left out. */
  meetingId?: string | undefined;
  by: Actor;
}

export interface RecordChange {
  record: MeetingRecord;
  type: string;
  summary: string;
  data?: Record<string, unknown>;
}

export interface ChangedRecord {
  incident: Incident;
  record: MeetingRecord;
}

export function checkOpenForMeetings(incident: Incident): void {
  if (incident.status === 'closed') {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} is closed. Reopen it before recording meetings.`,
    );
  }
}

/** The record named, or the one being run; refused with the field to fix otherwise. */
export function targetRecord(incident: Incident, meetingId: string | undefined): MeetingRecord {
  const records = incident.meetingRecords ?? [];
  if (meetingId === undefined) {
    const open = openRecord(records);
    if (open) return open;
    throw invalidInput([
      { path: 'meetingId', message: 'no meeting is being run: start one, or say which meeting' },
    ]);
  }
  const record = records.find((r) => r.meetingId === meetingId);
  if (record) return record;
  const known = records.map((r) => r.meetingId).join(', ') || 'none yet';
  throw invalidInput([{ path: 'meetingId', message: `no meeting "${meetingId}" (meetings run: ${known})` }]);
}

export function replaceRecord(incident: Incident, record: MeetingRecord): MeetingRecord[] {
  return (incident.meetingRecords ?? []).map((r) => (r.meetingId === record.meetingId ? record : r));
}

export async function changeMeetingRecord(
  deps: StoreDeps,
  target: MeetingTarget,
  change: (record: MeetingRecord, incident: Incident) => RecordChange,
): Promise<ChangedRecord> {
  await loadIncident(deps.store, target.reference);
  const now = nowIso(deps.clock);
  let changed: MeetingRecord | undefined;
  const incident = await deps.store.updateIncident(target.reference, (current) => {
    checkOpenForMeetings(current);
    const result = change(targetRecord(current, target.meetingId), current);
    changed = result.record;
    return {
      incident: { ...current, meetingRecords: replaceRecord(current, result.record), updatedAt: now },
      events: [
        {
          at: now,
          actor: target.by,
          type: result.type,
          summary: result.summary,
          data: { meetingId: result.record.meetingId, ...result.data },
        },
      ],
    };
  });
  return { incident, record: changed! };
}

/**
 * The record a checklist button or form acts on, refused once the meeting has
 * ended: a stale card's buttons must not change minutes already drafted.
 */
export function runningRecord(incident: Incident, meetingId: string | undefined): MeetingRecord {
  const record = targetRecord(incident, meetingId);
  if (record.endedAt === undefined) return record;
  throw new MusterError(
    ErrorCode.InvalidTransition,
    `The ${record.kind} meeting (${record.meetingId}) has ended, so its checklist is closed. Start a new meeting with /incident meeting start.`,
  );
}
