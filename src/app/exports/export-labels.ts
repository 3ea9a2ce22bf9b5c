/**
 * The words and names every export shares: what a meeting kind is called in
 * the minutes and invites, the file names (reference first, lower case, as
 * the incident channel is named) and the MIME types the platforms are told.
 */
import type { MeetingKind } from '../../core/meetings/meeting-kind.js';

export const MEETING_TITLES: Record<MeetingKind, string> = {
  initial: 'Initial Tactical Response Meeting',
  review: 'Review meeting',
  final: 'Final Tactical Response Meeting',
  'ad-hoc': 'Incident meeting',
};

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** `SV-2027-0042` + `minutes-initial` → `sv-2027-0042-minutes-initial`. */
export function fileStem(reference: string, what: string): string {
  return `${reference.toLowerCase()}-${what}`;
}

/** `initial-1` → `initial`, `review-2` → `review-2`: the first meeting of a kind is simply its kind. */
export function meetingSlug(meeting: { id: string; kind: MeetingKind }): string {
  return meeting.id === `${meeting.kind}-1` ? meeting.kind : meeting.id.replace(/[^a-z0-9-]/gi, '-');
}
