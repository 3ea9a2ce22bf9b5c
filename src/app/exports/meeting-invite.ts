/**
 * A meeting's calendar invitation (.ics) to attach to the meeting card, so
 * agencies put it in Outlook or Google without re-typing the time. The
 * renderer writes Europe/London wall-clock times, so the meeting's instant is
 * converted to that zone here; the stamp comes from the Clock.
 */
import { DateTime } from 'luxon';
import type { Incident, Meeting } from '../../core/incident/incident.js';
import { LONDON_TZID, renderMeetingIcs } from '../../export/ics.js';
import type { UploadFile } from '../../ports.js';
import { nowIso } from '../incident-timeline.js';
import type { ExportDeps } from './export-documents.js';
import { fileStem, MEETING_TITLES, MIME, meetingSlug } from './export-labels.js';

/** The domain keeps no end time; the toolkit's meetings are planned as an hour and a half. */
export const DEFAULT_MEETING_MINUTES = 90;

const LOCAL = "yyyy-MM-dd'T'HH:mm";

export function meetingInvite(
  deps: Pick<ExportDeps, 'clock'>,
  incident: Incident,
  meeting: Meeting,
): UploadFile & { content: Buffer } {
  const start = DateTime.fromISO(meeting.at, { zone: 'utc' }).setZone(LONDON_TZID);
  const summary = `${MEETING_TITLES[meeting.kind]} — ${incident.reference}`;
  const content = renderMeetingIcs({
    incidentReference: incident.reference,
    meetingId: meeting.id,
    start: start.toFormat(LOCAL),
    end: start.plus({ minutes: DEFAULT_MEETING_MINUTES }).toFormat(LOCAL),
    stamp: nowIso(deps.clock),
    summary,
    // The reference and title only: the invite leaves Muster for people's calendars.
    description: `${incident.title}. Chair: ${(meeting.chair ?? incident.sio).name}.`,
  });
  return {
    filename: `${fileStem(incident.reference, meetingSlug(meeting))}.ics`,
    title: summary,
    mimeType: MIME.ics,
    content: Buffer.from(content, 'utf8'),
  };
}
