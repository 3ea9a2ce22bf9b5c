import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseInstant, WorkingCalendar } from '../../../src/core/calendar/working-calendar.js';

const london = new WorkingCalendar({
  zone: 'Europe/London',
  holidays: { country: 'GB', state: 'ENG' },
  workingDayEnd: '17:00',
});

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const iso = (t: DateTime) => t.toISO();

describe('WorkingCalendar — working days', () => {
  it('treats weekends, bank holidays and substitute days as non-working', () => {
    expect(london.isWorkingDay(at('2027-08-27T12:00:00+01:00'))).toBe(true); // Fri
    expect(london.isWorkingDay(at('2027-08-28T12:00:00+01:00'))).toBe(false); // Sat
    expect(london.isWorkingDay(at('2027-08-30T12:00:00+01:00'))).toBe(false); // summer bank holiday
    expect(london.isWorkingDay(at('2027-12-27T12:00:00Z'))).toBe(false); // Christmas Day substitute
    expect(london.isWorkingDay(at('2027-12-28T12:00:00Z'))).toBe(false); // Boxing Day substitute
    expect(london.isWorkingDay(at('2028-01-03T12:00:00Z'))).toBe(false); // New Year's Day substitute
    expect(london.isWorkingDay(at('2027-03-26T12:00:00Z'))).toBe(false); // Good Friday
    expect(london.isWorkingDay(at('2027-03-29T12:00:00+01:00'))).toBe(false); // Easter Monday
  });

  it('judges the day in London, not in UTC', () => {
    // 23:30 UTC on Friday 27 August is 00:30 BST on Saturday.
    expect(london.isWorkingDay(at('2027-08-27T23:30:00Z'))).toBe(false);
  });

  it('names the bank holiday on a date', () => {
    expect(london.holidayName(at('2027-08-30T09:00:00+01:00'))).toMatch(/Summer bank holiday/);
    expect(london.holidayName(at('2027-08-31T09:00:00+01:00'))).toBeUndefined();
  });

  it('uses another region when configured (Scotland has 2 January)', () => {
    const scotland = new WorkingCalendar({
      zone: 'Europe/London',
      holidays: { country: 'GB', state: 'SCT' },
      workingDayEnd: '17:00',
    });
    expect(scotland.isWorkingDay(at('2029-01-02T12:00:00Z'))).toBe(false);
    expect(london.isWorkingDay(at('2029-01-02T12:00:00Z'))).toBe(true);
  });
});

describe('WorkingCalendar — N hours (elapsed)', () => {
  it('counts real hours across the clocks going forward: 20:00 Sat + 12 h = 09:00 BST Sun', () => {
    expect(iso(london.addHours(at('2027-03-27T20:00:00Z'), 12))).toBe('2027-03-28T09:00:00.000+01:00');
  });

  it('counts real hours across the clocks going back: 20:00 BST Sat + 12 h = 07:00 GMT Sun', () => {
    expect(iso(london.addHours(at('2027-10-30T20:00:00+01:00'), 12))).toBe('2027-10-31T07:00:00.000+00:00');
  });
});

describe('WorkingCalendar — N working hours', () => {
  it('follows the DESIGN.md example across the summer bank holiday', () => {
    expect(iso(london.addWorkingHours(at('2027-08-27T15:00:00+01:00'), 72))).toBe(
      '2027-09-02T15:00:00.000+01:00',
    );
  });

  it('starts counting at 00:00 of the next working day for an incident on a Saturday', () => {
    expect(iso(london.addWorkingHours(at('2027-09-04T22:00:00+01:00'), 72))).toBe(
      '2027-09-09T00:00:00.000+01:00',
    );
  });

  it('starts counting the day after a bank holiday for an incident on that holiday', () => {
    expect(iso(london.addWorkingHours(at('2027-05-03T14:00:00+01:00'), 72))).toBe(
      '2027-05-07T00:00:00.000+01:00',
    );
  });

  it('skips Good Friday, the Easter weekend (with the clocks going forward) and Easter Monday', () => {
    // Thu 25 Mar 15:00 GMT: 9 h; Fri 26 Good Friday; Sat–Mon closed; Tue 24 (33), Wed 24 (57), Thu 15 h.
    expect(iso(london.addWorkingHours(at('2027-03-25T15:00:00Z'), 72))).toBe('2027-04-01T15:00:00.000+01:00');
  });

  it('skips Christmas with both substitute days', () => {
    // Thu 23 Dec 18:00: 6 h; Fri 24: 24 (30); 25–28 closed; Wed 29: 24 (54); Thu 30: 18 h.
    expect(iso(london.addWorkingHours(at('2027-12-23T18:00:00Z'), 72))).toBe('2027-12-30T18:00:00.000+00:00');
  });

  it('skips the New Year substitute day into the next year', () => {
    // Thu 30 Dec 12:00: 12 h; Fri 31: 24 (36); Sat, Sun, Mon 3 Jan (substitute) closed; Tue 4: 24 (60); Wed 12 h.
    expect(iso(london.addWorkingHours(at('2027-12-30T12:00:00Z'), 72))).toBe('2028-01-05T12:00:00.000+00:00');
  });

  it('never ends on a non-working day when the count ends mid-day', () => {
    for (let day = 0; day < 800; day += 1) {
      const start = at('2026-01-01T09:30:00Z').plus({ days: day });
      const due = london.addWorkingHours(start, 71);
      expect(london.isWorkingDay(due), `from ${start.toISO()}`).toBe(true);
    }
  });
});

describe('WorkingCalendar — N working days', () => {
  it('follows the DESIGN.md example: meeting Mon 23 Aug → Tue 31 Aug 17:00 BST', () => {
    expect(iso(london.addWorkingDays(at('2027-08-23T10:00:00+01:00'), 5))).toBe(
      '2027-08-31T17:00:00.000+01:00',
    );
  });

  it('counts over the Christmas substitute days into January', () => {
    // Fri 24 (1), Wed 29 (2), Thu 30 (3), Fri 31 (4), Tue 4 Jan (5; Mon 3 is the New Year substitute).
    expect(iso(london.addWorkingDays(at('2027-12-23T14:00:00Z'), 5))).toBe('2028-01-04T17:00:00.000+00:00');
  });

  it('ends at 17:00 GMT when the count crosses the clocks going back', () => {
    expect(iso(london.addWorkingDays(at('2027-10-28T10:00:00+01:00'), 2))).toBe(
      '2027-11-01T17:00:00.000+00:00',
    );
  });

  it('counts from the next day when the anchor is on a weekend', () => {
    expect(iso(london.addWorkingDays(at('2027-09-04T10:00:00+01:00'), 1))).toBe(
      '2027-09-06T17:00:00.000+01:00',
    );
  });

  it('takes 0 working days after a working day as the end of that day, and after a weekend as the end of the next working day', () => {
    expect(iso(london.addWorkingDays(at('2027-08-23T10:00:00+01:00'), 0))).toBe(
      '2027-08-23T17:00:00.000+01:00',
    );
    // Sat 28 Aug, then the bank holiday on Mon 30 Aug: due the end of Tue 31 Aug.
    expect(iso(london.addWorkingDays(at('2027-08-28T10:00:00+01:00'), 0))).toBe(
      '2027-08-31T17:00:00.000+01:00',
    );
  });

  it('honours a configured end of the working day', () => {
    const early = new WorkingCalendar({
      zone: 'Europe/London',
      holidays: { country: 'GB', state: 'ENG' },
      workingDayEnd: '16:30',
    });
    expect(iso(early.addWorkingDays(at('2027-08-23T10:00:00+01:00'), 5))).toBe(
      '2027-08-31T16:30:00.000+01:00',
    );
  });

  it('always lands on a working day', () => {
    for (let day = 0; day < 800; day += 1) {
      const from = at('2026-01-01T11:00:00Z').plus({ days: day });
      expect(london.isWorkingDay(london.addWorkingDays(from, 5)), `from ${from.toISO()}`).toBe(true);
      expect(london.isWorkingDay(london.addWorkingDays(from, 10)), `from ${from.toISO()}`).toBe(true);
    }
  });

  it('shifts by working days keeping the local time, backwards and forwards', () => {
    expect(iso(london.shiftWorkingDays(at('2027-08-31T17:00:00+01:00'), -2))).toBe(
      '2027-08-26T17:00:00.000+01:00',
    );
    expect(iso(london.shiftWorkingDays(at('2027-08-27T09:00:00+01:00'), 1))).toBe(
      '2027-08-31T09:00:00.000+01:00',
    );
  });
});

describe('WorkingCalendar — N calendar months', () => {
  it('keeps the local time across the clocks going forward', () => {
    expect(iso(london.addCalendarMonths(at('2027-03-09T10:00:00Z'), 1))).toBe(
      '2027-04-09T10:00:00.000+01:00',
    );
  });

  it('moves a review that lands on a Saturday to Monday', () => {
    expect(iso(london.addCalendarMonths(at('2027-09-02T15:00:00+01:00'), 1))).toBe(
      '2027-10-04T15:00:00.000+01:00',
    );
  });

  it('moves a review that lands on a bank holiday to the next day', () => {
    expect(iso(london.addCalendarMonths(at('2027-07-30T10:00:00+01:00'), 1))).toBe(
      '2027-08-31T10:00:00.000+01:00',
    );
  });

  it('clamps 31 January to the end of February, then rolls off the weekend', () => {
    // 28 Feb 2027 is a Sunday.
    expect(iso(london.addCalendarMonths(at('2027-01-31T10:00:00Z'), 1))).toBe(
      '2027-03-01T10:00:00.000+00:00',
    );
  });

  it('rolls a review landing on Boxing Day through both substitute days', () => {
    expect(iso(london.addCalendarMonths(at('2027-11-26T11:00:00Z'), 1))).toBe(
      '2027-12-29T11:00:00.000+00:00',
    );
  });
});

describe('parseInstant', () => {
  it('reads a time without an offset as London time', () => {
    expect(parseInstant('2027-07-01T10:00', 'Europe/London')?.toISO()).toBe('2027-07-01T10:00:00.000+01:00');
  });

  it('keeps the instant of a time with an offset', () => {
    expect(parseInstant('2027-07-01T10:00:00Z', 'Europe/London')?.toISO()).toBe(
      '2027-07-01T11:00:00.000+01:00',
    );
  });

  it('refuses text that is not a date', () => {
    expect(parseInstant('yesterday', 'Europe/London')).toBeUndefined();
  });
});
