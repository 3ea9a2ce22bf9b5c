/**
 * Starting to run a meeting in the incident's channel: a fresh record with the
 * toolkit checklist (initial, ad hoc) or the review section and Signs of
 * Safety (review, final). Only one meeting is run at a time, so later commands
 * can leave the meeting out. The record's id is the id `recordMeeting` will
 * give the meeting when it is ended, so the minutes and the timeline agree.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import { type Incident, MEETING_KINDS, type MeetingKind } from '../../core/incident/incident.js';
import { type MeetingRecord, openRecord, startMeetingRecord } from '../../core/meetings/meeting-record.js';
import type { StoreDeps } from '../deps.js';
import { loadIncident, nowIso } from '../incident-timeline.js';
import { actorSchema, instantSchema, invalidInput, parseInput, referenceSchema } from '../validate-input.js';
import { checkOpenForMeetings } from './meeting-change.js';

export const startMeetingInputSchema = z.object({
  reference: referenceSchema,
  kind: z.enum(MEETING_KINDS, { error: `choose one of ${MEETING_KINDS.join(', ')}` }),
  /** When it started; now if not given (recording a meeting afterwards). */
  at: instantSchema.optional(),
  by: actorSchema,
});

export type StartMeetingInput = z.input<typeof startMeetingInputSchema>;

export interface StartedMeeting {
  incident: Incident;
  record: MeetingRecord;
}

export async function startMeeting(deps: StoreDeps, input: StartMeetingInput): Promise<StartedMeeting> {
  const form = parseInput(startMeetingInputSchema, input);
  await loadIncident(deps.store, form.reference);
  const now = nowIso(deps.clock);
  const at = form.at ?? now;
  let started: MeetingRecord | undefined;

  const incident = await deps.store.updateIncident(form.reference, (current) => {
    checkOpenForMeetings(current);
    checkCanStart(current, form.kind, at, now);
    const records = current.meetingRecords ?? [];
    const meetingId = nextMeetingId(current, form.kind);
    if (records.some((r) => r.meetingId === meetingId)) {
      throw invalidInput([
        { path: 'kind', message: `the ${form.kind} meeting (${meetingId}) has already been run` },
      ]);
    }
    const record = startMeetingRecord(form.kind, meetingId, { at, by: form.by as Actor });
    started = record;
    return {
      incident: { ...current, meetingRecords: [...records, record], updatedAt: now },
      events: [
        {
          at: now,
          actor: form.by as Actor,
          type: 'meeting.started',
          summary: `${form.kind === 'ad-hoc' ? 'Ad hoc' : form.kind[0]!.toUpperCase() + form.kind.slice(1)} meeting started by ${form.by.name}.`,
          data: { meetingId, kind: form.kind, startedAt: at },
        },
      ],
    };
  });
  return { incident, record: started! };
}

function checkCanStart(incident: Incident, kind: MeetingKind, at: string, now: string): void {
  const open = openRecord(incident.meetingRecords ?? []);
  if (open) {
    throw invalidInput([
      {
        path: 'kind',
        message: `the ${open.kind} meeting (${open.meetingId}) is still being run: end it first`,
      },
    ]);
  }
  if (DateTime.fromISO(at) > DateTime.fromISO(now)) {
    throw invalidInput([{ path: 'at', message: 'is in the future: start the meeting when it begins' }]);
  }
  if (DateTime.fromISO(at) < DateTime.fromISO(incident.occurredAt)) {
    throw invalidInput([{ path: 'at', message: 'is before the incident happened' }]);
  }
  // recordMeeting refuses these when the meeting ends; refusing now saves a meeting's worth of notes.
  if (
    (kind === 'review' || kind === 'final') &&
    !incident.meetings.some((m) => m.kind === 'initial' && m.status !== 'cancelled')
  ) {
    throw invalidInput([{ path: 'kind', message: 'record the initial meeting first' }]);
  }
}

/** The id `recordMeeting` will use for this kind: the scheduled meeting it will mark held, else the next one. */
export function nextMeetingId(incident: Incident, kind: MeetingKind): string {
  const same = incident.meetings.filter((m) => m.kind === kind && m.status !== 'cancelled');
  const existing =
    kind === 'initial' || kind === 'final'
      ? same.at(-1)
      : kind === 'review'
        ? same.filter((m) => m.status === 'scheduled').at(-1)
        : undefined;
  return existing?.id ?? `${kind}-${incident.meetings.filter((m) => m.kind === kind).length + 1}`;
}
