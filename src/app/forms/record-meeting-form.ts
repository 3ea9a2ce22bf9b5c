/**
 * "Record meeting": schedule a meeting or record that it was held (kind, when,
 * chair). Scheduling anchors the milestones that follow it; holding it meets
 * its milestone. The chair defaults to the SIO, who chairs the initial meeting
 * (seed 000 §3.0).
 */
import type { DateTime } from 'luxon';
import type { Actor } from '../../core/actor.js';
import { type Incident, MEETING_KINDS, type MeetingKind } from '../../core/incident/incident.js';
import type { RecordMeetingInput } from '../record-meeting.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import { platformUserId } from './form-values.js';

export const RECORD_MEETING_FORM_ID = 'record-meeting';

const KIND_LABELS: Record<MeetingKind, string> = {
  initial: 'Initial Tactical Response Meeting',
  review: 'Review meeting (Signs of Safety)',
  final: 'Final Tactical Response Meeting',
  'ad-hoc': 'Other meeting',
};

export const HELD_CHOICES = [
  { value: 'held', label: 'It has been held' },
  { value: 'scheduled', label: 'It is scheduled' },
];

export function recordMeetingForm(
  incident: Incident,
  now: DateTime,
  options: { kind?: MeetingKind; platform?: string } = {},
): FormDefinition {
  const kind = options.kind ?? (incident.status === 'open' ? 'initial' : 'review');
  const chair = options.platform ? platformUserId(incident.sio, options.platform) : undefined;
  return {
    id: RECORD_MEETING_FORM_ID,
    title: 'Record a meeting',
    submitLabel: 'Record',
    intro: `${incident.reference}: record when a meeting is scheduled or was held. The protocol's deadlines that follow it are worked out from this.`,
    context: { reference: incident.reference },
    fields: [
      {
        id: 'kind',
        label: 'Meeting',
        kind: 'select',
        required: true,
        initial: kind,
        choices: MEETING_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
      },
      {
        id: 'at',
        label: 'When',
        kind: 'datetime',
        required: true,
        initial: now.startOf('hour').toISO()!,
        hint: 'UK time.',
      },
      { id: 'held', label: 'Status', kind: 'select', required: true, initial: 'held', choices: HELD_CHOICES },
      {
        id: 'chair',
        label: 'Chair',
        kind: 'user',
        required: false,
        ...(chair ? { initial: chair } : {}),
        hint: 'The SIO chairs the tactical meetings.',
      },
    ],
  };
}

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The use case input from a submitted form; `recordMeeting` validates it and names any bad field. */
export function recordMeetingInputFrom(
  submission: FormSubmission,
  by: Actor,
  chair?: Actor,
): RecordMeetingInput {
  return {
    reference: submission.context.reference ?? '',
    kind: text(submission.values.kind) as MeetingKind,
    at: text(submission.values.at) ?? '',
    held: text(submission.values.held) !== 'scheduled',
    by,
    ...(chair ? { chair } : {}),
  };
}
