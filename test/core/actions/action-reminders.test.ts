import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { planActionReminders } from '../../../src/core/actions/action-reminders.js';
import { calendarFor } from '../../../src/core/calendar/working-calendar.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { makeAction } from '../../fixtures/action-factory.js';

const calendar = calendarFor(defaultProtocol);
const now = DateTime.fromISO('2027-08-20T09:00:00+01:00');

describe('planActionReminders', () => {
  it('nudges two working days before a due date, skipping the bank holiday, and when it passes', () => {
    // Due Wed 1 Sep 2027 (end of the working day); Mon 30 Aug is a bank holiday.
    const planned = planActionReminders([makeAction('1.2', { due: '2027-09-01' })], calendar, now, {
      daysBefore: 2,
    });
    expect(planned).toEqual([
      {
        key: 'action:1.2:before-2wd',
        actionNumber: '1.2',
        kind: 'before',
        fireAt: '2027-08-27T16:00:00.000Z',
        notify: 'console:pat',
      },
      {
        key: 'action:1.2:overdue',
        actionNumber: '1.2',
        kind: 'overdue',
        fireAt: '2027-09-01T16:00:00.000Z',
        notify: 'console:pat',
      },
    ]);
  });

  it('plans nothing for done, dropped or text-only actions', () => {
    const actions = [
      makeAction('1.1', { due: '2027-09-01', status: 'done' }),
      makeAction('1.2', { due: '2027-09-01', status: 'dropped' }),
      makeAction('1.3', { timescale: 'Ongoing' }),
    ];
    expect(planActionReminders(actions, calendar, now)).toEqual([]);
  });

  it('drops a before-nudge already in the past but keeps the overdue one', () => {
    const late = DateTime.fromISO('2027-09-01T09:00:00+01:00');
    const planned = planActionReminders([makeAction('2.1', { due: '2027-09-01T12:00:00Z' })], calendar, late);
    expect(planned.map((r) => r.key)).toEqual(['action:2.1:overdue']);
    expect(planned[0]?.fireAt).toBe('2027-09-01T12:00:00.000Z');
  });
});
