/**
 * The working-time calendar and the timeline under 1,000 generated instants
 * each (2026–2030, across every GMT/BST change and bank holiday in those
 * years): working-day dues never land on a weekend or an England & Wales bank
 * holiday, adding is monotonic in the start, dues are monotonic in
 * occurredAt, adding 0 leaves a working instant alone, and every result is a
 * valid DateTime in the calendar's zone.
 */
import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../src/core/calendar/working-calendar.js';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import { computeTimeline } from '../../src/core/protocol/timeline.js';

const RUNS = { numRuns: 1000 };
const calendar = calendarFor(defaultProtocol);
const ZONE = 'Europe/London';

/** Every England & Wales bank holiday 2026–2031 from date-holidays itself, not the calendar under test. */
const BANK_HOLIDAYS = new Set(
  [2026, 2027, 2028, 2029, 2030, 2031].flatMap((year) =>
    new Holidays('GB', 'ENG')
      .getHolidays(year)
      .filter((h) => h.type === 'public' || h.type === 'bank')
      .map((h) => h.date.slice(0, 10)),
  ),
);

const START = Date.UTC(2026, 0, 1);
const END = Date.UTC(2031, 0, 1) - 1;
/** Any millisecond from 2026 to 2030. */
const instant = fc.integer({ min: START, max: END }).map((ms) => DateTime.fromMillis(ms, { zone: ZONE }));
const twoInstants = fc
  .tuple(instant, instant)
  .map(([a, b]): [DateTime, DateTime] => (a <= b ? [a, b] : [b, a]));

function isWorkingDate(t: DateTime): boolean {
  const local = t.setZone(ZONE);
  return local.weekday <= 5 && !BANK_HOLIDAYS.has(local.toFormat('yyyy-MM-dd'));
}

function expectValid(t: DateTime): void {
  expect(t.isValid).toBe(true);
  expect(t.zoneName).toBe(ZONE);
}

describe('the working-time calendar (1,000 generated instants per property)', () => {
  // From 1 working day up: "0 working days" is documented as the end of that same day, which is a
  // closed day when the anchor is one (a protocol may say 0; seed 000 never does). Reported, not hidden.
  it('puts a working-day due on a working day, at the end of the working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (from, days) => {
        const due = calendar.addWorkingDays(from, days);
        expectValid(due);
        expect(isWorkingDate(due)).toBe(true);
        expect(due.toFormat('HH:mm')).toBe('17:00');
        expect(due.toMillis()).toBeGreaterThan(from.startOf('day').toMillis());
      }),
      RUNS,
    );
  });

  it('ends a span of working hours on a working day, never before its start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 24 * 20 }), (from, hours) => {
        const due = calendar.addWorkingHours(from, hours);
        expectValid(due);
        expect(due.toMillis()).toBeGreaterThanOrEqual(from.toMillis() + hours * 3_600_000);
        // An exact working-day boundary ends at 00:00 of the following day, itself possibly closed.
        const lastCounted = due.minus({ milliseconds: 1 });
        expect(isWorkingDate(lastCounted)).toBe(true);
      }),
      RUNS,
    );
  });

  it('adds working hours monotonically in the start instant', () => {
    fc.assert(
      fc.property(twoInstants, fc.integer({ min: 0, max: 24 * 20 }), ([a, b], hours) => {
        expect(calendar.addWorkingHours(a, hours).toMillis()).toBeLessThanOrEqual(
          calendar.addWorkingHours(b, hours).toMillis(),
        );
      }),
      RUNS,
    );
  });

  it('adds working days monotonically in the start instant', () => {
    fc.assert(
      fc.property(twoInstants, fc.integer({ min: 0, max: 30 }), ([a, b], days) => {
        expect(calendar.addWorkingDays(a, days).toMillis()).toBeLessThanOrEqual(
          calendar.addWorkingDays(b, days).toMillis(),
        );
      }),
      RUNS,
    );
  });

  it('adds working time monotonically in the amount', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (from, x, y) => {
          const [small, large] = x <= y ? [x, y] : [y, x];
          expect(calendar.addWorkingHours(from, small) <= calendar.addWorkingHours(from, large)).toBe(true);
          const [a, b] = [small % 40, large % 40].sort((p, q) => p - q) as [number, number];
          const early = calendar.addWorkingDays(from, a);
          const late = calendar.addWorkingDays(from, b);
          expect(early <= late).toBe(true);
          // More days is strictly later, but for 0 and 1 after a non-working day: both end the next working day.
          const same = a === b || (a === 0 && b === 1 && !isWorkingDate(from));
          expect(early.toMillis() === late.toMillis()).toBe(same);
        },
      ),
      RUNS,
    );
  });

  it('leaves a working instant where it is when adding 0 working hours', () => {
    fc.assert(
      fc.property(
        instant.filter((t) => isWorkingDate(t)),
        (from) => {
          const same = calendar.addWorkingHours(from, 0);
          expectValid(same);
          expect(same.toMillis()).toBe(from.toMillis());
          // 0 working days is the end of that same working day.
          expect(calendar.addWorkingDays(from, 0).toISODate()).toBe(from.toISODate());
        },
      ),
      RUNS,
    );
  });

  it('rolls any instant forward to a working day without moving a working one', () => {
    fc.assert(
      fc.property(instant, (from) => {
        const rolled = calendar.rollForwardToWorkingDay(from);
        expectValid(rolled);
        expect(isWorkingDate(rolled)).toBe(true);
        if (isWorkingDate(from)) expect(rolled.toMillis()).toBe(from.toMillis());
        else expect(rolled.toMillis()).toBeGreaterThan(from.toMillis());
      }),
      RUNS,
    );
  });
});

/** Facts of an incident that occurred at `occurredAt`, with no meeting yet. */
const facts = (occurredAt: DateTime) => ({ occurredAt: occurredAt.toISO()!, meetings: [] });
const NOW = DateTime.fromISO('2026-01-01T00:00:00Z');

describe('the timeline (1,000 generated incidents per property)', () => {
  const anchoredOnIncident = defaultProtocol.milestones.filter((m) => m.anchor.type === 'incident');

  it('gives every incident-anchored milestone a valid due, on a working day for working-time rules', () => {
    fc.assert(
      fc.property(instant, (occurredAt) => {
        const timeline = computeTimeline(defaultProtocol, facts(occurredAt), NOW);
        for (const status of timeline.filter((s) => s.milestone.anchor.type === 'incident')) {
          expect(status.due).not.toBeNull();
          expectValid(status.due!);
          expect(status.due!.toMillis()).toBeGreaterThanOrEqual(occurredAt.toMillis());
          const unit = status.milestone.offset.unit;
          if (unit === 'working-days' || unit === 'calendar-months')
            expect(isWorkingDate(status.due!)).toBe(true);
          if (unit === 'working-hours')
            expect(isWorkingDate(status.due!.minus({ milliseconds: 1 }))).toBe(true);
        }
      }),
      RUNS,
    );
    expect(anchoredOnIncident.length).toBeGreaterThan(0);
  });

  it('moves no due earlier when the incident occurred later', () => {
    fc.assert(
      fc.property(twoInstants, ([earlier, later]) => {
        const before = computeTimeline(defaultProtocol, facts(earlier), NOW);
        const after = computeTimeline(defaultProtocol, facts(later), NOW);
        for (const [i, status] of before.entries()) {
          if (!status.due) continue;
          expect(status.due.toMillis()).toBeLessThanOrEqual(after[i]!.due!.toMillis());
        }
      }),
      RUNS,
    );
  });
});
