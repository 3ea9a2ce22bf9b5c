import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { parseProtocol } from '../../../src/core/protocol/protocol-schema.js';
import {
  computeTimeline,
  nextDeadline,
  planReminders,
  type TimelineFacts,
} from '../../../src/core/protocol/timeline.js';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

const incident: TimelineFacts = {
  occurredAt: '2027-08-27T14:00:00.000Z', // Fri 15:00 BST
  notifiedAt: '2027-08-27T19:00:00.000Z',
  meetings: [],
};

function byId(facts: TimelineFacts, now: string) {
  return Object.fromEntries(
    computeTimeline(defaultProtocol, facts, at(now)).map((s) => [
      s.id,
      { due: s.due?.toISO() ?? null, state: s.state },
    ]),
  );
}

describe('computeTimeline', () => {
  it('gives the due instant of every milestone in London time, and leaves meeting-anchored ones unscheduled', () => {
    expect(byId(incident, '2027-08-28T10:00:00+01:00')).toEqual({
      'sio-notification': { due: '2027-08-28T03:00:00.000+01:00', state: 'met' },
      'initial-meeting': { due: '2027-09-02T15:00:00.000+01:00', state: 'pending' },
      'minutes-initial': { due: null, state: 'not-scheduled' },
      'review-meeting': { due: null, state: 'not-scheduled' },
      'minutes-review': { due: null, state: 'not-scheduled' },
      'final-report': { due: null, state: 'not-scheduled' },
    });
  });

  it('marks an unmet milestone overdue once its due instant has passed', () => {
    const timeline = byId(incident, '2027-09-02T15:00:01+01:00');
    expect(timeline['initial-meeting']?.state).toBe('overdue');
  });

  it('marks the SIO notification overdue when no notification arrived within 12 hours', () => {
    const { notifiedAt: _n, ...unnotified } = incident;
    expect(byId(unnotified, '2027-08-28T04:00:00+01:00')['sio-notification']?.state).toBe('overdue');
  });

  it('anchors minutes and the review on the initial meeting once it is held', () => {
    const facts: TimelineFacts = {
      ...incident,
      meetings: [{ kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held' }],
    };
    const timeline = byId(facts, '2027-09-01T12:00:00+01:00');
    expect(timeline['initial-meeting']).toEqual({ due: '2027-09-02T15:00:00.000+01:00', state: 'met' });
    expect(timeline['minutes-initial']).toEqual({ due: '2027-09-08T17:00:00.000+01:00', state: 'pending' });
    expect(timeline['review-meeting']).toEqual({ due: '2027-10-01T10:00:00.000+01:00', state: 'pending' });
  });

  it('anchors dependants on a scheduled meeting but does not count it as met', () => {
    const facts: TimelineFacts = {
      ...incident,
      meetings: [{ kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'scheduled' }],
    };
    const timeline = byId(facts, '2027-08-30T12:00:00+01:00');
    expect(timeline['initial-meeting']?.state).toBe('pending');
    expect(timeline['minutes-initial']?.due).toBe('2027-09-08T17:00:00.000+01:00');
  });

  it('ignores cancelled meetings', () => {
    const facts: TimelineFacts = {
      ...incident,
      meetings: [{ kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'cancelled' }],
    };
    expect(byId(facts, '2027-08-30T12:00:00+01:00')['minutes-initial']?.state).toBe('not-scheduled');
  });

  it('moves a review due on a bank holiday to the next working day', () => {
    const facts: TimelineFacts = {
      occurredAt: '2027-07-27T09:00:00.000Z',
      notifiedAt: '2027-07-27T12:00:00.000Z',
      meetings: [{ kind: 'initial', at: '2027-07-30T09:00:00.000Z', status: 'held' }],
    };
    expect(byId(facts, '2027-08-01T12:00:00+01:00')['review-meeting']?.due).toBe(
      '2027-08-31T10:00:00.000+01:00',
    );
  });

  it('gives the final report 10 working days after the final meeting, over Christmas', () => {
    const facts: TimelineFacts = {
      ...incident,
      meetings: [
        { kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held' },
        { kind: 'review', at: '2027-10-01T09:00:00.000Z', status: 'held' },
        { kind: 'final', at: '2027-12-20T10:00:00.000Z', status: 'held' },
      ],
    };
    // Tue 21 (1), Wed 22 (2), Thu 23 (3), Fri 24 (4), Wed 29 (5), Thu 30 (6), Fri 31 (7), Tue 4 (8), Wed 5 (9), Thu 6 (10).
    expect(byId(facts, '2027-12-21T12:00:00Z')['final-report']).toEqual({
      due: '2028-01-06T17:00:00.000+00:00',
      state: 'pending',
    });
  });

  it('counts a milestone marked done as met, and late when marked after its due time', () => {
    const facts: TimelineFacts = {
      ...incident,
      meetings: [{ kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held' }],
      completions: { 'minutes-initial': { at: '2027-09-09T09:00:00.000Z' } },
    };
    const status = computeTimeline(defaultProtocol, facts, at('2027-09-10T12:00:00Z')).find(
      (s) => s.id === 'minutes-initial',
    );
    expect(status?.state).toBe('met');
    expect(status?.late).toBe(true);
  });

  it('finds the next open deadline', () => {
    const statuses = computeTimeline(defaultProtocol, incident, at('2027-08-28T10:00:00+01:00'));
    expect(nextDeadline(statuses)?.id).toBe('initial-meeting');
  });

  it('uses the zone and working day of a partnership protocol', () => {
    const custom = parseProtocol({
      id: 'custom',
      name: 'Custom',
      calendar: { zone: 'Europe/London', holidays: { country: 'GB', state: 'ENG' }, workingDayEnd: '16:00' },
      milestones: [
        {
          id: 'debrief',
          title: 'Debrief',
          anchor: { type: 'incident' },
          offset: { amount: 2, unit: 'working-days' },
          owner: 'coordinators',
          metBy: { type: 'manual' },
        },
      ],
    });
    const [status] = computeTimeline(custom, incident, at('2027-08-28T10:00:00+01:00'));
    expect(status?.due?.toISO()).toBe('2027-09-01T16:00:00.000+01:00');
  });
});

describe('planReminders', () => {
  const keys = (facts: TimelineFacts, now: string) =>
    planReminders(defaultProtocol, facts, at(now)).map((r) => r.key);

  it('plans deterministic keys before, at and after the open milestones', () => {
    const planned = planReminders(defaultProtocol, incident, at('2027-08-27T20:00:00+01:00'));
    expect(planned.map((r) => r.key)).toEqual([
      'initial-meeting:before-48h',
      'initial-meeting:before-24h',
      'initial-meeting:at',
      'initial-meeting:escalate',
    ]);
    const byKey = Object.fromEntries(planned.map((r) => [r.key, r]));
    expect(byKey['initial-meeting:before-24h']?.fireAt).toBe('2027-09-01T14:00:00.000Z');
    expect(byKey['initial-meeting:at']?.fireAt).toBe('2027-09-02T14:00:00.000Z');
    expect(byKey['initial-meeting:escalate']).toMatchObject({
      kind: 'escalation',
      fireAt: '2027-09-02T18:00:00.000Z',
      notify: ['coordinators'],
    });
    expect(byKey['initial-meeting:at']?.notify).toEqual(['coordinators', 'sio']);
  });

  it('never plans a reminder for a met milestone', () => {
    const facts: TimelineFacts = {
      ...incident,
      meetings: [{ kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held' }],
      completions: { 'minutes-initial': { at: '2027-09-03T09:00:00.000Z' } },
    };
    const planned = keys(facts, '2027-09-03T12:00:00Z');
    expect(planned.some((k) => k.startsWith('initial-meeting:'))).toBe(false);
    expect(planned.some((k) => k.startsWith('minutes-initial:'))).toBe(false);
    expect(planned.some((k) => k.startsWith('sio-notification:'))).toBe(false);
    expect(planned).toContain('review-meeting:before-5wd');
  });

  it('plans reminders for an unnotified incident so the SIO is chased', () => {
    const { notifiedAt: _n, ...unnotified } = incident;
    expect(keys(unnotified, '2027-08-27T16:00:00+01:00')).toEqual(
      expect.arrayContaining([
        'sio-notification:before-4h',
        'sio-notification:at',
        'sio-notification:escalate',
      ]),
    );
  });

  it('keeps only the latest of the "before" reminders already past when an incident is opened late', () => {
    // 30 hours before the initial meeting is due: before-48h has passed, before-24h has not.
    expect(keys(incident, '2027-09-01T09:00:00+01:00')).toEqual([
      'initial-meeting:before-48h',
      'initial-meeting:before-24h',
      'initial-meeting:at',
      'initial-meeting:escalate',
    ]);
    // Two hours before: both have passed; only before-24h stays, to go out at once.
    expect(keys(incident, '2027-09-02T13:00:00+01:00')).toEqual([
      'initial-meeting:before-24h',
      'initial-meeting:at',
      'initial-meeting:escalate',
    ]);
  });

  it('drops every "before" reminder once the milestone is overdue', () => {
    expect(keys(incident, '2027-09-02T16:00:00+01:00')).toEqual([
      'initial-meeting:at',
      'initial-meeting:escalate',
    ]);
  });

  it('schedules working-day reminders on working days', () => {
    const facts: TimelineFacts = {
      ...incident,
      meetings: [{ kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held' }],
    };
    const minutes = planReminders(defaultProtocol, facts, at('2027-09-01T12:00:00Z')).find(
      (r) => r.key === 'minutes-initial:before-2wd',
    );
    // Due Wed 8 Sep 17:00; two working days before is Mon 6 Sep 17:00 BST.
    expect(minutes?.fireAt).toBe('2027-09-06T16:00:00.000Z');
  });
});

describe('planReminders — snoozes', () => {
  it('plans one more reminder per snooze of an open milestone, and none once it is met', () => {
    const snoozed: TimelineFacts = {
      ...incident,
      snoozes: [
        { milestoneId: 'initial-meeting', until: '2027-08-31T08:00:00.000Z' },
        { milestoneId: 'initial-meeting', until: '2027-09-01T08:00:00.000Z' },
      ],
    };
    const planned = planReminders(defaultProtocol, snoozed, at('2027-08-30T12:00:00+01:00'));
    expect(planned.filter((r) => r.kind === 'snooze').map((r) => [r.key, r.fireAt])).toEqual([
      ['initial-meeting:snooze-1', '2027-08-31T08:00:00.000Z'],
      ['initial-meeting:snooze-2', '2027-09-01T08:00:00.000Z'],
    ]);
    const met = {
      ...snoozed,
      meetings: [{ kind: 'initial' as const, at: '2027-08-31T09:00:00.000Z', status: 'held' as const }],
    };
    expect(
      planReminders(defaultProtocol, met, at('2027-08-31T12:00:00+01:00')).some((r) => r.kind === 'snooze'),
    ).toBe(false);
  });
});
