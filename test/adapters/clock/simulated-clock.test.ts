import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/adapters/clock/simulated-clock.js';
import { calendarFor } from '../../../src/core/calendar/working-calendar.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { FixedClock } from '../../fakes/fixed-clock.js';

const HOUR = 3_600_000;
/** Sat 28 Aug 2027 09:00 BST; Mon 30 Aug is the summer bank holiday. */
const SATURDAY = '2027-08-28T09:00:00+01:00';

const local = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/London' }).toISO();

describe('SimulatedClock', () => {
  it('runs at real time with no offset until moved', () => {
    const base = new FixedClock(SATURDAY);
    const clock = new SimulatedClock(base);
    expect(clock.now().toISOString()).toBe('2027-08-28T08:00:00.000Z');
    expect(clock.offsetMs).toBe(0);
  });

  it('keeps flowing with real time after a fast-forward', () => {
    const base = new FixedClock(SATURDAY);
    const clock = new SimulatedClock(base);
    clock.advanceBy(5 * HOUR);
    base.advance(10 * 60_000);
    expect(clock.now().toISOString()).toBe('2027-08-28T13:10:00.000Z');
    expect(clock.offsetMs).toBe(5 * HOUR);
  });

  it('refuses to move backwards or by a non-number', () => {
    const clock = new SimulatedClock(new FixedClock(SATURDAY));
    expect(() => clock.advanceBy(-1)).toThrow(RangeError);
    expect(() => clock.advanceBy(Number.NaN)).toThrow(RangeError);
    expect(clock.offsetMs).toBe(0);
  });

  it('advances to a later instant and ignores an earlier one', () => {
    const clock = new SimulatedClock(new FixedClock(SATURDAY));
    clock.advanceTo(new Date('2027-08-30T12:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-08-30T12:00:00.000Z');
    clock.advanceTo(new Date('2027-08-29T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-08-30T12:00:00.000Z');
  });

  it('counts working days as the protocol does, skipping the weekend and the bank holiday', () => {
    const clock = new SimulatedClock(new FixedClock(SATURDAY));
    clock.advanceWorkingDays(1, calendarFor(defaultProtocol));
    // Sat → Sun, Mon (bank holiday) skipped → Tue 31 Aug, same local time.
    expect(local(clock.now())).toBe('2027-08-31T09:00:00.000+01:00');
    clock.advanceWorkingDays(3, calendarFor(defaultProtocol));
    expect(local(clock.now())).toBe('2027-09-03T09:00:00.000+01:00');
  });

  it('refuses a fractional or negative number of working days', () => {
    const clock = new SimulatedClock(new FixedClock(SATURDAY));
    expect(() => clock.advanceWorkingDays(1.5, calendarFor(defaultProtocol))).toThrow(RangeError);
    expect(() => clock.advanceWorkingDays(-1, calendarFor(defaultProtocol))).toThrow(RangeError);
  });
});
