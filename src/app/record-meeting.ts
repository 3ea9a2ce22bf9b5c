/**
 * Recording a meeting: scheduling it (which anchors the milestones that follow
 * it) or recording that it was held (which also meets its milestone and moves
 * the incident along its lifecycle). Every time a meeting moves, the
 * dependent reminders are re-planned.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import { ErrorCode, MusterError, type ProblemDetail } from '../core/errors.js';
import {
  type Incident,
  MEETING_KINDS,
  type Meeting,
  statusAfterMeeting,
  transition,
} from '../core/incident/incident.js';
import type { NoticeCard } from './cards/card-model.js';
import type { ProtocolDeps } from './deps.js';
import { loadIncident, nowIso } from './incident-timeline.js';
import { formatLocal } from './local-time.js';
import { syncIncidentReminders } from './sync-incident-reminders.js';
import { actorSchema, instantSchema, invalidInput, parseInput, referenceSchema } from './validate-input.js';

export const recordMeetingInputSchema = z.object({
  reference: referenceSchema,
  kind: z.enum(MEETING_KINDS, { error: `choose one of ${MEETING_KINDS.join(', ')}` }),
  at: instantSchema,
  chair: actorSchema.optional(),
  /** Directory agency ids invited; kept from the earlier record when not given again. */
  attendees: z.array(z.string().trim().min(1, 'name the agency')).optional(),
  held: z.boolean().default(false),
  by: actorSchema,
});

export type RecordMeetingInput = z.input<typeof recordMeetingInputSchema>;

export interface RecordedMeeting {
  incident: Incident;
  meeting: Meeting;
  /** What to tell the person who recorded it, on any platform. */
  notice: NoticeCard;
}

export async function recordMeeting(deps: ProtocolDeps, input: RecordMeetingInput): Promise<RecordedMeeting> {
  const form = parseInput(recordMeetingInputSchema, input);
  await loadIncident(deps.store, form.reference);
  const now = nowIso(deps.clock);
  let recorded: Meeting | undefined;

  const updated = await deps.store.updateIncident(form.reference, (current) => {
    if (current.status === 'closed') {
      throw new MusterError(
        ErrorCode.InvalidTransition,
        `${current.reference} is closed. Reopen it before recording meetings.`,
      );
    }
    const existing = meetingToUpdate(current, form.kind);
    checkTiming(current, form, existing, now);

    const meeting: Meeting = {
      id: existing?.id ?? `${form.kind}-${current.meetings.filter((m) => m.kind === form.kind).length + 1}`,
      kind: form.kind,
      at: form.at,
      status: form.held ? 'held' : 'scheduled',
      ...(form.chair ? { chair: form.chair as Actor } : existing?.chair ? { chair: existing.chair } : {}),
      ...(form.attendees
        ? { attendees: form.attendees }
        : existing?.attendees
          ? { attendees: existing.attendees }
          : {}),
      recordedBy: form.by as Actor,
    };
    recorded = meeting;
    const meetings = existing
      ? current.meetings.map((m) => (m.id === existing.id ? meeting : m))
      : [...current.meetings, meeting];

    let next: Incident = { ...current, meetings, updatedAt: now };
    const target = statusAfterMeeting(form.kind);
    // Correcting the time of a meeting already recorded as held does not move the lifecycle again.
    if (form.held && target && existing?.status !== 'held') next = transition(next, target);

    const when = formatLocal(form.at, deps.protocol.calendar.zone);
    return {
      incident: next,
      events: [
        {
          at: now,
          actor: form.by as Actor,
          type: form.held ? 'meeting.held' : 'meeting.scheduled',
          summary: `${label(form.kind)} meeting ${form.held ? 'held' : 'scheduled'} at ${when}${meeting.chair ? `, chaired by ${meeting.chair.name}` : ''}.`,
          data: { meetingId: meeting.id, kind: form.kind, at: form.at, status: meeting.status },
        },
      ],
    };
  });

  await syncIncidentReminders(deps, updated);
  const meeting = recorded!;
  const notice: NoticeCard = {
    kind: 'notice',
    reference: updated.reference,
    headline: `${updated.reference}: ${meeting.kind} meeting ${meeting.status} (${formatLocal(meeting.at, deps.protocol.calendar.zone)})`,
    lines: ['The deadlines that follow it are updated on the incident card.'],
  };
  return { incident: updated, meeting, notice };
}

/** Initial and final meetings happen once, so recording one again corrects it; review meetings may repeat. */
function meetingToUpdate(incident: Incident, kind: Meeting['kind']): Meeting | undefined {
  const same = incident.meetings.filter((m) => m.kind === kind && m.status !== 'cancelled');
  if (kind === 'initial' || kind === 'final') return same.at(-1);
  if (kind === 'review') return same.filter((m) => m.status === 'scheduled').at(-1);
  return undefined;
}

function checkTiming(
  incident: Incident,
  form: z.output<typeof recordMeetingInputSchema>,
  existing: Meeting | undefined,
  now: string,
): void {
  const problems: ProblemDetail[] = [];
  const at = DateTime.fromISO(form.at);
  if (at < DateTime.fromISO(incident.occurredAt))
    problems.push({ path: 'at', message: 'is before the incident happened' });
  if (form.held && at > DateTime.fromISO(now)) {
    problems.push({
      path: 'at',
      message: 'is in the future, so the meeting cannot have been held yet; schedule it instead',
    });
  }
  if (existing?.status === 'held' && !form.held) {
    problems.push({
      path: 'held',
      message: `the ${label(form.kind).toLowerCase()} meeting was already held`,
    });
  }
  if (form.kind === 'review' || form.kind === 'final') {
    const initial = incident.meetings.find((m) => m.kind === 'initial' && m.status !== 'cancelled');
    if (!initial) problems.push({ path: 'kind', message: 'record the initial meeting first' });
    else if (at < DateTime.fromISO(initial.at))
      problems.push({ path: 'at', message: 'is before the initial meeting' });
  }
  if (problems.length > 0) throw invalidInput(problems);
}

function label(kind: Meeting['kind']): string {
  return kind === 'ad-hoc' ? 'Ad hoc' : kind[0]!.toUpperCase() + kind.slice(1);
}
