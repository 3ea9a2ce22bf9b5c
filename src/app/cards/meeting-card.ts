/**
 * The card a scheduled meeting posts in the incident's space: what it is,
 * when (in the protocol's zone), who chairs it, which agencies are invited,
 * and a Start meeting button that runs the checklist there. When the time
 * misses the protocol's deadline for that meeting the card says so, so the
 * partnership sees it before the day rather than in the final report.
 */
import { DateTime } from 'luxon';
import type { Directory } from '../../core/directory/directory-schema.js';
import type { Incident, Meeting } from '../../core/incident/incident.js';
import { agencyName } from '../directory-agencies.js';
import { MEETING_TITLES } from '../exports/export-labels.js';
import { formatLocal } from '../local-time.js';
import { actionValue } from './action-value.js';
import type { MeetingCard } from './card-model.js';

export interface MeetingCardInput {
  directory: Directory;
  incident: Incident;
  meeting: Meeting;
  zone: string;
  /** Set when the meeting is after the protocol's deadline for it. */
  warning?: string;
}

/** "Initial Tactical Response Meeting — SV-2027-0042". */
export function meetingHeading(reference: string, meeting: Pick<Meeting, 'kind'>): string {
  return `${MEETING_TITLES[meeting.kind]} — ${reference}`;
}

export function meetingCard({ directory, incident, meeting, zone, warning }: MeetingCardInput): MeetingCard {
  const invited = (meeting.attendees ?? []).map((id) => agencyName(directory, id));
  return {
    kind: 'meeting',
    reference: incident.reference,
    meetingId: meeting.id,
    heading: meetingHeading(incident.reference, meeting),
    whenText: formatLocal(meeting.at, zone),
    // ISO with the local offset, as the card model gives every time.
    at: DateTime.fromISO(meeting.at, { setZone: true }).setZone(zone).toISO()!,
    facts: [
      { label: 'Chair', value: meeting.chair?.name ?? `${incident.sio.name} (SIO)` },
      { label: 'Invited agencies', value: invited.length > 0 ? invited.join(', ') : 'none named' },
      { label: 'Meeting id', value: meeting.id },
    ],
    ...(warning ? { warning } : {}),
    actions: [
      {
        verb: 'start-meeting',
        label: 'Start meeting',
        value: actionValue({ reference: incident.reference, meetingKind: meeting.kind }),
        style: 'primary',
      },
    ],
  };
}
