import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseActionValue } from '../../../src/app/cards/action-value.js';
import { buildReminderCard } from '../../../src/app/cards/reminder-card.js';
import { incidentTimeline } from '../../../src/app/incident-timeline.js';
import { relativeTo } from '../../../src/app/local-time.js';
import { ErrorCode, isMusterError } from '../../../src/core/errors.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import type { Reminder } from '../../../src/core/reminders/reminder.js';
import { makeIncident } from '../../fixtures/incident-factory.js';

const incident: Incident = makeIncident({
  reference: 'SV-2027-0042',
  id: 'SV-2027-0042',
  occurredAt: '2027-08-27T14:00:00.000Z',
  notifiedAt: '2027-08-27T19:00:00.000Z',
  meetings: [{ id: 'initial-1', kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held' }],
});

function card(milestoneId: string, kind: Reminder['kind'], now: string) {
  const at = DateTime.fromISO(now, { setZone: true });
  const milestone = incidentTimeline(defaultProtocol, incident, at).find((m) => m.id === milestoneId)!;
  const reminder: Reminder = {
    incidentId: incident.id,
    key: `${milestoneId}:${kind}`,
    milestoneId,
    kind,
    fireAt: now,
    notify: ['coordinators'],
    attempts: 0,
  };
  return buildReminderCard(incident, reminder, milestone, at);
}

describe('reminder cards', () => {
  it('offers Record meeting for a milestone met by a meeting, with the meeting kind in the button', () => {
    const c = card('review-meeting', 'before', '2027-09-30T10:00:00+01:00');
    expect(c.headline).toBe('Review meeting (Signs of Safety) due in 24 hours — SV-2027-0042');
    expect(c.actions.map((a) => a.verb)).toEqual(['record-meeting', 'snooze']);
    expect(parseActionValue(c.actions[0]?.value)).toEqual({
      reference: 'SV-2027-0042',
      milestoneId: 'review-meeting',
      reminderKey: 'review-meeting:before',
      meetingKind: 'review',
    });
  });

  it('offers Mark done for a milestone marked by hand, and quotes what the protocol expects', () => {
    const c = card('minutes-initial', 'at', '2027-09-08T17:00:00+01:00');
    expect(c.headline).toBe(
      'Due now: Minutes and action plan shared with attendees and List 1 — SV-2027-0042',
    );
    expect(c.actions.map((a) => a.verb)).toEqual(['mark-done', 'snooze']);
    expect(c.description).toMatch(/within 5 working days/);
    expect(c.dueText).toBe('Wed 8 Sep 2027 17:00 BST (due now)');
  });

  it('marks an escalation as a missed deadline', () => {
    const c = card('minutes-initial', 'escalation', '2027-09-09T17:00:00+01:00');
    expect(c.escalation).toBe(true);
    expect(c.headline).toMatch(/^Missed deadline: .* was due 24 hours ago/);
  });
});

describe('relative times', () => {
  const now = DateTime.fromISO('2027-09-01T12:00:00+01:00');
  it('speaks in hours below two days and whole days above', () => {
    expect(relativeTo(now.plus({ hours: 47 }), now)).toBe('in 47 hours');
    expect(relativeTo(now.plus({ hours: 49 }), now)).toBe('in 2 days');
    expect(relativeTo(now.minus({ minutes: 1 }), now)).toBe('1 minute ago');
    expect(relativeTo(now, now)).toBe('now');
  });
});

describe('button values', () => {
  it('refuses a forged value as bad input rather than crashing', () => {
    for (const raw of ['not json', '{"reference":"DROP TABLE"}', undefined]) {
      try {
        parseActionValue(raw);
        expect.unreachable();
      } catch (error) {
        expect(isMusterError(error, ErrorCode.InvalidInput)).toBe(true);
      }
    }
  });
});
