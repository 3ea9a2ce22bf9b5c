/**
 * `/incident meeting start [kind]` and `/incident meeting end`: running a
 * meeting in the incident's channel. Starting posts the checklist card there
 * (the same as the meeting card's Start meeting button); ending records the
 * meeting as held, closes the card and posts draft minutes in the channel
 * only, since circulating them to List 1 is a separate, deliberate export.
 */
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident, Meeting, MeetingKind } from '../../core/incident/incident.js';
import { openRecord } from '../../core/meetings/meeting-record.js';
import { renderMinutesMarkdown } from '../../export/minutes-markdown.js';
import { minutesDocument } from '../exports/export-documents.js';
import { fileStem, MIME, meetingSlug } from '../exports/export-labels.js';
import { meetingName } from '../meetings/checklist-card.js';
import {
  type CardPosting,
  checklistSpace,
  postChecklistCard,
  refreshChecklistCard,
  withCardProblem,
} from '../meetings/checklist-message.js';
import { endMeeting } from '../meetings/end-meeting.js';
import { targetRecord } from '../meetings/meeting-change.js';
import { startMeeting } from '../meetings/start-meeting.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';

/** What the protocol expects next: the earliest scheduled meeting, else the initial meeting, else a review. */
export function expectedMeetingKind(incident: Incident): MeetingKind {
  const scheduled = incident.meetings
    .filter((m) => m.status === 'scheduled')
    .sort((a, b) => a.at.localeCompare(b.at))[0];
  if (scheduled) return scheduled.kind;
  return incident.meetings.some((m) => m.kind === 'initial' && m.status === 'held') ? 'review' : 'initial';
}

export async function startMeetingCommand(
  deps: CommandDeps,
  scope: CommandScope,
  kind?: MeetingKind,
): Promise<CommandOutcome> {
  const { incident, by } = scope;
  // Refused before anything is written: a meeting nobody can see being run is no use.
  checklistSpace(incident, deps.platform.name);
  const meetingKind = kind ?? expectedMeetingKind(incident);
  const started = await startMeeting(deps, { reference: incident.reference, kind: meetingKind, by });
  const posting = await postChecklistCard(deps, started.incident, started.record);
  const message = posting.problem
    ? `${meetingName(meetingKind)} started.`
    : `${meetingName(meetingKind)} started: the checklist is posted in the channel.`;
  return { message: withCardProblem(message, posting), refreshCard: false };
}

export async function endMeetingCommand(
  deps: CommandDeps,
  scope: CommandScope,
  meetingId?: string,
): Promise<CommandOutcome> {
  const { incident, by } = scope;
  const record = meetingId ? targetRecord(incident, meetingId) : openRecord(incident.meetingRecords ?? []);
  if (!record) {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `No meeting is being run in ${incident.reference}. Start one with /incident meeting start.`,
    );
  }
  if (record.endedAt) {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `The ${record.kind} meeting (${record.meetingId}) has already ended. /incident export minutes circulates its minutes.`,
    );
  }
  const ended = await endMeeting(deps, { reference: incident.reference, meetingId: record.meetingId, by });
  const card = await refreshChecklistCard(deps, incident.reference, ended.record.meetingId);
  const minutes = await postDraftMinutes(deps, ended.incident, ended.meeting);
  const message = [
    withCardProblem(`${meetingName(record.kind)} ended and recorded as held.`, card),
    minutes.problem ?? 'Minutes drafted and posted here; /incident export minutes circulates them to List 1.',
  ].join(' ');
  // The meeting's milestone is met and the status moved: the pinned card changed.
  return { message, refreshCard: true };
}

/** The draft minutes as Markdown, to the incident's space only. */
async function postDraftMinutes(
  deps: CommandDeps,
  incident: Incident,
  meeting: Meeting,
): Promise<CardPosting> {
  try {
    const markdown = renderMinutesMarkdown(minutesDocument(deps, incident, meeting.id));
    const stem = fileStem(incident.reference, `minutes-${meetingSlug(meeting)}-draft`);
    await deps.platform.uploadFiles(
      { kind: 'space', space: checklistSpace(incident, deps.platform.name) },
      [
        {
          filename: `${stem}.md`,
          title: `Draft minutes: ${meetingName(meeting.kind)}, ${incident.reference}`,
          mimeType: MIME.md,
          content: Buffer.from(markdown, 'utf8'),
        },
      ],
      'Draft minutes: check them here, then /incident export minutes circulates them to List 1.',
    );
    return {};
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      problem: `The draft minutes could not be posted (${why}); /incident export minutes still produces and circulates them.`,
    };
  }
}
