import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  type MeetingInvite,
  meetingUid,
  renderMeetingIcs,
} from '../../src/export/ics.js';

const INVITE: MeetingInvite = {
  incidentReference: 'SV-2027-0042',
  meetingId: 'm-initial',
  start: '2027-03-17T10:00',
  end: '2027-03-17T11:30',
  stamp: '2027-03-15T09:12:33.000Z',
  summary: 'Initial Tactical Response Meeting — SV-2027-0042',
  description:
    'Agenda: introductions; community tension, schools & victims\nBring: C:\\notes, the action plan. A long line to make sure folding happens well past seventy-five octets — ✓ with multi-byte text too.',
  location: 'Microsoft Teams',
  organizer: { email: 'csp@ashfield.example', name: 'Ashfield CSP' },
  attendees: [
    { email: 'priya.nair@police.example', name: 'Nair, Priya' },
    { email: 'tom.reed@ashfield.example' },
  ],
};

/** Unfolds (CRLF + one space) and splits into [name;params, value] pairs — a minimal RFC 5545 reader. */
function parseIcs(text: string): { name: string; params: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      // The first ':' outside a quoted parameter value ends the name.
      let quoted = false;
      let i = 0;
      for (; i < line.length; i += 1) {
        if (line[i] === '"') quoted = !quoted;
        else if (line[i] === ':' && !quoted) break;
      }
      const head = line.slice(0, i);
      const semi = head.indexOf(';');
      return {
        name: semi === -1 ? head : head.slice(0, semi),
        params: semi === -1 ? '' : head.slice(semi + 1),
        value: line.slice(i + 1),
      };
    });
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('renderMeetingIcs', () => {
  const ics = renderMeetingIcs(INVITE);
  const props = parseIcs(ics);
  const prop = (name: string) => props.filter((p) => p.name === name);

  it('uses CRLF line endings only', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line at 75 octets without splitting a UTF-8 character', () => {
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    const folded = foldLine(`DESCRIPTION:${'✓'.repeat(40)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'✓'.repeat(40)}`);
  });

  it('has one VEVENT inside a VCALENDAR with a Europe/London VTIMEZONE (BST and GMT rules)', () => {
    const begins = prop('BEGIN').map((p) => p.value);
    expect(begins).toEqual(['VCALENDAR', 'VTIMEZONE', 'DAYLIGHT', 'STANDARD', 'VEVENT']);
    expect(prop('TZID')[0]!.value).toBe('Europe/London');
    expect(prop('RRULE').map((p) => p.value)).toEqual([
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    ]);
    expect(prop('TZNAME').map((p) => p.value)).toEqual(['BST', 'GMT']);
  });

  it('gives start and end as local times qualified by TZID, and DTSTAMP in UTC', () => {
    expect(prop('DTSTART').at(-1)).toEqual({
      name: 'DTSTART',
      params: 'TZID=Europe/London',
      value: '20270317T100000',
    });
    expect(prop('DTEND')[0]).toEqual({
      name: 'DTEND',
      params: 'TZID=Europe/London',
      value: '20270317T113000',
    });
    expect(prop('DTSTAMP')[0]!.value).toBe('20270315T091233Z');
  });

  it('escapes commas, semicolons, backslashes and newlines in text, and they parse back', () => {
    const raw = prop('DESCRIPTION')[0]!.value;
    expect(raw).toContain(
      'Agenda: introductions\\; community tension\\, schools & victims\\nBring: C:\\\\notes',
    );
    expect(unescapeText(raw)).toBe(INVITE.description);
    expect(unescapeText(prop('SUMMARY')[0]!.value)).toBe(INVITE.summary);
    expect(escapeText('a\r\nb')).toBe('a\\nb');
  });

  it('keeps the UID the same for the same meeting and different for another', () => {
    expect(prop('UID')[0]!.value).toBe('m-initial.SV-2027-0042@muster');
    expect(renderMeetingIcs({ ...INVITE, stamp: '2027-03-16T00:00:00Z', sequence: 1 })).toContain(
      'UID:m-initial.SV-2027-0042@muster',
    );
    expect(meetingUid('SV-2027-0042', 'm-review')).not.toBe(meetingUid('SV-2027-0042', 'm-initial'));
  });

  it('writes organizer and attendees as mailto, quoting a CN with a comma', () => {
    expect(prop('ORGANIZER')[0]).toMatchObject({
      params: 'CN=Ashfield CSP',
      value: 'mailto:csp@ashfield.example',
    });
    const attendees = prop('ATTENDEE');
    expect(attendees).toHaveLength(2);
    expect(attendees[0]!.params).toContain('CN="Nair, Priya"');
    expect(attendees[1]!.value).toBe('mailto:tom.reed@ashfield.example');
    expect(prop('METHOD')[0]!.value).toBe('REQUEST');
  });

  it('leaves organizer and attendees out when not given and publishes instead', () => {
    const bare = renderMeetingIcs({ ...INVITE, organizer: undefined, attendees: undefined });
    expect(bare).not.toContain('ORGANIZER');
    expect(bare).not.toContain('ATTENDEE');
    expect(bare).toContain('METHOD:PUBLISH');
  });

  it('rejects a malformed time or an end before the start', () => {
    expect(() => renderMeetingIcs({ ...INVITE, start: '17/03/2027 10:00' })).toThrow(/local time/);
    expect(() => renderMeetingIcs({ ...INVITE, end: '2027-03-17T09:00' })).toThrow(/not after/);
  });
});
