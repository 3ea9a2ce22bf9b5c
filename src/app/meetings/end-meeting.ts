/**
 * Ending the meeting being run. The meeting is recorded as held through
 * `recordMeeting` first, so its milestone is met, the incident's status moves
 * and reminders are re-planned exactly as when someone records it by hand; if
 * that is refused, the record stays open and nothing changes. Closing the
 * record is a second write: should it fail, ending again finds the meeting
 * already held at the record's start and only closes the record.
 */
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import type { Incident, Meeting } from '../../core/incident/incident.js';
import type { MeetingRecord } from '../../core/meetings/meeting-record.js';
import type { ProtocolDeps } from '../deps.js';
import { loadIncident, nowIso } from '../incident-timeline.js';
import { recordMeeting } from '../record-meeting.js';
import { syncIncidentReminders } from '../sync-incident-reminders.js';
import { actorSchema, invalidInput, parseInput, referenceSchema } from '../validate-input.js';
import { checkOpenForMeetings, targetRecord } from './meeting-change.js';

export const endMeetingInputSchema = z.object({
  reference: referenceSchema,
  meetingId: z.string().trim().min(1).optional(),
  chair: actorSchema.optional(),
  by: actorSchema,
});

export type EndMeetingInput = z.input<typeof endMeetingInputSchema>;

export interface EndedMeeting {
  incident: Incident;
  record: MeetingRecord;
  meeting: Meeting;
}

export async function endMeeting(deps: ProtocolDeps, input: EndMeetingInput): Promise<EndedMeeting> {
  const form = parseInput(endMeetingInputSchema, input);
  const before = await loadIncident(deps.store, form.reference);
  checkOpenForMeetings(before);
  const record = targetRecord(before, form.meetingId);
  if (record.endedAt) {
    throw invalidInput([{ path: 'meetingId', message: `${record.meetingId} has already ended` }]);
  }

  const heldEarlier = heldByEarlierEnd(before, record);
  const meeting =
    heldEarlier ??
    (
      await recordMeeting(deps, {
        reference: form.reference,
        kind: record.kind,
        at: record.startedAt!,
        held: true,
        ...(form.chair ? { chair: form.chair } : {}),
        by: form.by,
      })
    ).meeting;

  const now = nowIso(deps.clock);
  let ended: MeetingRecord | undefined;
  const incident = await deps.store.updateIncident(form.reference, (current) => {
    const latest = targetRecord(current, record.meetingId);
    // Should another meeting of the kind have been scheduled meanwhile, follow the id recordMeeting chose.
    ended = { ...latest, meetingId: meeting.id, endedAt: now };
    return {
      incident: {
        ...current,
        meetingRecords: (current.meetingRecords ?? []).map((r) =>
          r.meetingId === record.meetingId ? ended! : r,
        ),
        updatedAt: now,
      },
      events: [
        {
          at: now,
          actor: form.by as Actor,
          type: 'meeting.ended',
          summary: `Meeting ${meeting.id} ended: ${summarise(ended)}.`,
          data: { meetingId: meeting.id, endedAt: now },
        },
      ],
    };
  });
  // recordMeeting re-plans reminders; a re-run skipped it, and the failed run may not have got that far.
  if (heldEarlier) await syncIncidentReminders(deps, incident);
  return { incident, record: ended!, meeting };
}

/** The meeting an earlier, interrupted end recorded as held (same kind, at the record's start), if any. */
function heldByEarlierEnd(incident: Incident, record: MeetingRecord): Meeting | undefined {
  return incident.meetings.find(
    (m) => m.kind === record.kind && m.status === 'held' && m.at === record.startedAt,
  );
}

function summarise(record: MeetingRecord): string {
  const done = record.items.filter((i) => i.done).length;
  const present = record.attendance.filter((a) => a.present).length;
  const decisions = record.items.reduce((n, i) => n + i.decisions.length, 0);
  return `${done} of ${record.items.length} checklist items done, ${present} present, ${decisions} decisions`;
}
