/**
 * "Schedule a meeting" (`/incident meeting schedule [kind]`): which meeting,
 * when, who chairs it and which agencies are invited. Submitting records it
 * as scheduled (which anchors the deadlines that follow it and re-plans their
 * reminders), then posts the meeting card and its calendar invitation in the
 * incident's space. A time after the protocol's deadline for that meeting is
 * allowed (diaries are what they are) but the card and the reply say so.
 */
import { DateTime } from 'luxon';
import type { Actor } from '../../core/actor.js';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import { listMembers } from '../../core/directory/directory.js';
import type { ProblemDetail } from '../../core/errors.js';
import {
  type Incident,
  MEETING_KINDS,
  type Meeting,
  type MeetingKind,
} from '../../core/incident/incident.js';
import type { Protocol } from '../../core/protocol/protocol-schema.js';
import { meetingCard } from '../cards/meeting-card.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { MEETING_TITLES } from '../exports/export-labels.js';
import { meetingInvite } from '../exports/meeting-invite.js';
import { incidentTimeline, nowIn } from '../incident-timeline.js';
import { formatLocal } from '../local-time.js';
import { incidentSpace } from '../meetings/checklist-message.js';
import { recordMeeting } from '../record-meeting.js';
import { instantSchema, invalidInput } from '../validate-input.js';
import type { FormHandler } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import {
  agencyChoices,
  checkedAgencies,
  checkedUser,
  type FormSubmitScope,
  many,
  one,
  platformUserId,
} from './form-values.js';

export const SCHEDULE_MEETING_FORM_ID = 'schedule-meeting';

/** Meetings are planned for the morning: 10:00 on the next working day unless the person says otherwise. */
const DEFAULT_HOUR = 10;

const isKind = (value: string | undefined): value is MeetingKind =>
  (MEETING_KINDS as readonly string[]).includes(value ?? '');

/** The initial meeting until one is set, then a review (they repeat until the group closes the response). */
export function defaultMeetingKind(incident: Incident): MeetingKind {
  return incident.meetings.some((m) => m.kind === 'initial' && m.status !== 'cancelled')
    ? 'review'
    : 'initial';
}

/** The SIO chairs the initial meeting (seed 000 §3.0); later ones keep the last chair named. */
function defaultChair(incident: Incident, kind: MeetingKind): Actor {
  if (kind === 'initial') return incident.sio;
  const last = incident.meetings.filter((m) => m.chair && m.status !== 'cancelled').at(-1);
  return last?.chair ?? incident.sio;
}

/** 10:00 local on the next working day after now. */
function defaultWhen(deps: CommandDeps): DateTime {
  const now = nowIn(deps.clock, deps.protocol);
  return calendarFor(deps.protocol)
    .startOfNextWorkingDay(now)
    .set({ hour: DEFAULT_HOUR, minute: 0, second: 0, millisecond: 0 });
}

export function scheduleMeetingForm(
  deps: CommandDeps,
  incident: Incident,
  context: Record<string, string>,
): FormDefinition {
  const kind = isKind(context.kind) ? context.kind : defaultMeetingKind(incident);
  const chair = platformUserId(defaultChair(incident, kind), deps.platform.name);
  const list2 = listMembers(deps.directory, incident.area, 2).map((a) => a.id);
  return {
    id: SCHEDULE_MEETING_FORM_ID,
    title: `Schedule a meeting: ${incident.reference}`,
    shortTitle: 'Schedule a meeting',
    submitLabel: 'Schedule',
    intro: `${incident.reference}: Muster posts the meeting in the channel with a calendar invitation, and works out the protocol's deadlines that follow it.`,
    context: { reference: incident.reference, ...(isKind(context.kind) ? { kind: context.kind } : {}) },
    fields: [
      {
        id: 'kind',
        label: 'Meeting',
        kind: 'select',
        required: true,
        initial: kind,
        choices: MEETING_KINDS.map((k) => ({ value: k, label: MEETING_TITLES[k] })),
      },
      {
        id: 'at',
        label: 'When',
        kind: 'datetime',
        required: true,
        initial: defaultWhen(deps).toISO()!,
        hint: 'UK time.',
      },
      {
        id: 'chair',
        label: 'Chair',
        kind: 'user',
        required: true,
        ...(chair ? { initial: chair } : {}),
        hint: 'The SIO chairs the initial meeting.',
      },
      {
        id: 'attendees',
        label: 'Invited agencies',
        kind: 'multi-select',
        required: true,
        initial: list2,
        choices: agencyChoices(deps.directory),
        hint: 'List 2 of the area attends the tactical meetings.',
      },
    ],
  };
}

interface ScheduleAnswers {
  kind: MeetingKind;
  at: string;
  chair: Actor;
  attendees: string[];
}

/** Every answer checked before anything is written, each problem named by its field. */
async function checkAnswers(
  deps: CommandDeps,
  scope: FormSubmitScope,
  values: FormSubmission['values'],
): Promise<ScheduleAnswers> {
  const problems: ProblemDetail[] = [];
  const kind = one(values, 'kind');
  if (!isKind(kind)) problems.push({ path: 'kind', message: `choose one of ${MEETING_KINDS.join(', ')}` });
  else {
    const held = scope.incident.meetings.find((m) => m.kind === kind && m.status === 'held');
    if (held && (kind === 'initial' || kind === 'final'))
      problems.push({
        path: 'kind',
        message: `the ${MEETING_TITLES[kind]} was already held (${formatLocal(held.at, deps.protocol.calendar.zone)}); schedule a review or another meeting`,
      });
  }

  const at = instantSchema.safeParse(one(values, 'at') ?? '');
  if (!one(values, 'at')) problems.push({ path: 'at', message: 'say when the meeting is' });
  else if (!at.success) problems.push({ path: 'at', message: at.error.issues[0]?.message ?? 'not a time' });
  else if (DateTime.fromISO(at.data) < nowIn(deps.clock, deps.protocol))
    problems.push({ path: 'at', message: 'is in the past: choose a time to come' });

  const chairValue = one(values, 'chair');
  if (!chairValue) problems.push({ path: 'chair', message: 'choose who chairs the meeting' });
  const chair = await checkedUser(scope, chairValue, 'chair', problems);

  const attendees = checkedAgencies(deps.directory, many(values, 'attendees'), 'attendees', problems);
  if (many(values, 'attendees').length === 0)
    problems.push({ path: 'attendees', message: 'choose at least one agency to invite' });

  if (problems.length > 0) throw invalidInput(problems);
  return { kind: kind as MeetingKind, at: at.data!, chair: chair!, attendees };
}

/** The deadline this meeting meets, when the chosen time is after it (and the milestone is still open). */
export function deadlineWarning(
  protocol: Protocol,
  incident: Incident,
  kind: MeetingKind,
  at: string,
  now: DateTime,
): string | undefined {
  const status = incidentTimeline(protocol, incident, now).find(
    (s) => s.milestone.metBy.type === 'meeting' && s.milestone.metBy.meeting === kind,
  );
  if (!status?.due || status.state === 'met') return undefined;
  if (DateTime.fromISO(at).toMillis() <= status.due.toMillis()) return undefined;
  const due = formatLocal(status.due, protocol.calendar.zone);
  return `This is after the protocol’s deadline for the ${MEETING_TITLES[kind]} (${due}). Hold it sooner if you can.`;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Posts the card and the invitation; returns the sentence the reply says about them. */
async function postInSpace(
  deps: CommandDeps,
  incident: Incident,
  meeting: Meeting,
  warning: string | undefined,
): Promise<string> {
  const space = incidentSpace(incident, deps.platform.name);
  if (!space) {
    return `The meeting card could not be posted: ${incident.reference} has no channel on ${deps.platform.name} yet. The deadlines that follow it are updated.`;
  }
  const zone = deps.protocol.calendar.zone;
  try {
    await deps.platform.postCard(
      space,
      meetingCard({ directory: deps.directory, incident, meeting, zone, ...(warning ? { warning } : {}) }),
    );
  } catch (error) {
    return `The meeting card could not be posted in the channel (${reason(error)}); the meeting is recorded and the deadlines that follow it are updated.`;
  }
  try {
    await deps.platform.uploadFiles(
      { kind: 'space', space },
      [meetingInvite(deps, incident, meeting)],
      `Calendar invitation: ${MEETING_TITLES[meeting.kind]}, ${formatLocal(meeting.at, zone)}.`,
    );
  } catch (error) {
    return `The meeting card is posted in the channel, but its calendar invitation could not be posted (${reason(error)}).`;
  }
  return 'The meeting card and its calendar invitation are posted in the channel.';
}

async function submit(
  deps: CommandDeps,
  scope: FormSubmitScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const answers = await checkAnswers(deps, scope, submission.values);
  // From the timeline as it stood, so a protocol anchoring a deadline on this meeting never measures it against itself.
  const warning = deadlineWarning(
    deps.protocol,
    scope.incident,
    answers.kind,
    answers.at,
    nowIn(deps.clock, deps.protocol),
  );
  const recorded = await recordMeeting(deps, {
    reference: scope.incident.reference,
    ...answers,
    held: false,
    by: scope.by,
  });
  const posted = await postInSpace(deps, recorded.incident, recorded.meeting, warning);
  const when = formatLocal(recorded.meeting.at, deps.protocol.calendar.zone);
  const said = [`${MEETING_TITLES[recorded.meeting.kind]} scheduled for ${when}.`, posted];
  if (warning) said.push(warning);
  return { message: said.join(' '), refreshCard: true };
}

/** Registered in form-registry.ts (typed there by shape, so this module need not import it). */
export const scheduleMeetingFormHandler: FormHandler = {
  id: SCHEDULE_MEETING_FORM_ID,
  rebuild: scheduleMeetingForm,
  submit,
};
