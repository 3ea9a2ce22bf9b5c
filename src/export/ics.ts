/**
 * An RFC 5545 calendar invitation (VCALENDAR with one VEVENT) for a meeting,
 * so attendees get it in Outlook/Google without anyone re-typing the time.
 *
 * Times are local wall-clock times in Europe/London with a VTIMEZONE block,
 * not UTC: a meeting agreed for "10:00" stays at 10:00 for every client even
 * across a GMT/BST change. The UID is derived from the incident and meeting
 * only, so re-sending after a change updates the same calendar entry (with a
 * higher SEQUENCE) instead of adding a second one.
 */

export interface IcsPerson {
  email: string;
  name?: string;
}

export interface MeetingInvite {
  incidentReference: string;
  /** Stable id of the meeting within the incident. */
  meetingId: string;
  /** Local Europe/London wall-clock time, `YYYY-MM-DDTHH:mm` (seconds optional). */
  start: string;
  end: string;
  /** When this invite was produced, an ISO instant (from the Clock, never `new Date()` here). */
  stamp: string;
  summary: string;
  description?: string;
  location?: string;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
  /** Bump on each re-send so clients apply the change. Default 0. */
  sequence?: number;
  /** Domain part of the UID. Default `muster`. */
  uidDomain?: string;
}

export const LONDON_TZID = 'Europe/London';

/**
 * Europe/London since 1996: BST from 01:00 GMT on the last Sunday of March,
 * GMT from 02:00 BST on the last Sunday of October (DTSTART is local time of
 * the onset in the offset being left).
 */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON_TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2027-03-17T10:00` → `20270317T100000` (a floating local time, qualified by TZID). */
export function icsLocalTime(local: string): string {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`Expected a local time like 2027-03-17T10:00, got "${local}"`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6] ?? '00'}`;
}

/** An ISO instant → `YYYYMMDDTHHMMSSZ` (UTC form, as DTSTAMP requires). */
export function icsUtcTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Expected an ISO instant, got "${iso}"`);
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash first, then ; , and newlines. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN): quoted when it holds : ; , and with DQUOTE and controls removed (not escapable). */
function paramValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function person(property: 'ORGANIZER' | 'ATTENDEE', p: IcsPerson, extra = ''): string {
  const cn = p.name ? `;CN=${paramValue(p.name)}` : '';
  return `${property}${cn}${extra}:mailto:${p.email.replace(/[\s"<>]/g, '')}`;
}

/** A UID unique per meeting and the same every time it is generated. */
export function meetingUid(incidentReference: string, meetingId: string, domain = 'muster'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '-');
  return `${safe(meetingId)}.${safe(incidentReference)}@${domain}`;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start
 * with one space, and a UTF-8 character is never split across lines.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // The leading space of a continuation counts towards its 75 octets.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

export function renderMeetingIcs(invite: MeetingInvite): string {
  const start = icsLocalTime(invite.start);
  const end = icsLocalTime(invite.end);
  // Same fixed-width form, so string order is time order.
  if (end <= start) throw new Error(`Meeting end ${invite.end} is not after its start ${invite.start}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Muster//Incident response//EN',
    'CALSCALE:GREGORIAN',
    // REQUEST makes it an invitation attendees can accept; without an organizer it must be PUBLISH.
    `METHOD:${invite.organizer ? 'REQUEST' : 'PUBLISH'}`,
    ...LONDON_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${meetingUid(invite.incidentReference, invite.meetingId, invite.uidDomain)}`,
    `SEQUENCE:${invite.sequence ?? 0}`,
    `DTSTAMP:${icsUtcTime(invite.stamp)}`,
    `DTSTART;TZID=${LONDON_TZID}:${start}`,
    `DTEND;TZID=${LONDON_TZID}:${end}`,
    `SUMMARY:${escapeText(invite.summary)}`,
  ];
  if (invite.description) lines.push(`DESCRIPTION:${escapeText(invite.description)}`);
  if (invite.location) lines.push(`LOCATION:${escapeText(invite.location)}`);
  if (invite.organizer) lines.push(person('ORGANIZER', invite.organizer));
  for (const attendee of invite.attendees ?? []) {
    lines.push(person('ATTENDEE', attendee, ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE'));
  }
  lines.push('STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
