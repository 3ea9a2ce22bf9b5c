/**
 * Working time as DESIGN.md defines it, for one zone and one bank-holiday
 * region. Instants go in and come out as luxon DateTimes in the calendar's
 * zone; luxon does every piece of date arithmetic (hours are elapsed time,
 * days and months are local calendar steps), so GMT/BST changes need no code.
 */
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { CalendarSettings, Offset, Protocol } from '../protocol/protocol-schema.js';

/** Holiday types that close offices: date-holidays calls bank holidays "public" in the UK. */
const CLOSED_TYPES = new Set(['public', 'bank']);
const ISO_DATE = 'yyyy-MM-dd';

export class WorkingCalendar {
  readonly zone: string;
  private readonly holidays: Holidays;
  private readonly endHour: number;
  private readonly endMinute: number;
  /** Closed dates (`yyyy-MM-dd`) per year, computed once per year on demand. */
  private readonly closedByYear = new Map<number, Set<string>>();

  constructor(settings: CalendarSettings) {
    this.zone = settings.zone;
    this.holidays = new Holidays(settings.holidays.country, settings.holidays.state ?? '');
    const [hour, minute] = settings.workingDayEnd.split(':').map(Number);
    this.endHour = hour ?? 17;
    this.endMinute = minute ?? 0;
  }

  /** The instant in this calendar's zone. */
  local(t: DateTime): DateTime {
    return t.setZone(this.zone);
  }

  /** Monday to Friday and not a bank holiday (substitute days included). */
  isWorkingDay(t: DateTime): boolean {
    const day = this.local(t);
    return day.weekday <= 5 && !this.closedDates(day.year).has(day.toFormat(ISO_DATE));
  }

  /** The bank holiday on that local date, if any (for messages such as "Mon 30 Aug is a bank holiday"). */
  holidayName(t: DateTime): string | undefined {
    const key = this.local(t).toFormat(ISO_DATE);
    return this.holidays
      .getHolidays(this.local(t).year)
      .find((h) => CLOSED_TYPES.has(h.type) && h.date.slice(0, 10) === key)?.name;
  }

  /** 00:00 local of the first working day strictly after t's date. */
  startOfNextWorkingDay(t: DateTime): DateTime {
    let day = this.local(t).startOf('day').plus({ days: 1 });
    while (!this.isWorkingDay(day)) day = day.plus({ days: 1 });
    return day;
  }

  /** The same local time on the next working day, or t itself when t is on a working day. */
  rollForwardToWorkingDay(t: DateTime): DateTime {
    let day = this.local(t);
    while (!this.isWorkingDay(day)) day = day.plus({ days: 1 });
    return day;
  }

  /** The end of the working day (17:00 local by default) on t's date. */
  endOfWorkingDay(t: DateTime): DateTime {
    return this.local(t).set({ hour: this.endHour, minute: this.endMinute, second: 0, millisecond: 0 });
  }

  /** N elapsed clock hours. */
  addHours(from: DateTime, hours: number): DateTime {
    return this.local(from).plus({ hours });
  }

  /**
   * N working hours: only time on working days counts, each working day all of
   * its hours; an instant on a non-working day starts counting at 00:00 of the
   * next working day.
   */
  addWorkingHours(from: DateTime, hours: number): DateTime {
    let remaining = hours * 3_600_000;
    let cursor = this.local(from);
    if (!this.isWorkingDay(cursor)) cursor = this.startOfNextWorkingDay(cursor);
    for (;;) {
      const midnight = cursor.startOf('day').plus({ days: 1 });
      const available = midnight.toMillis() - cursor.toMillis();
      if (remaining <= available) return cursor.plus({ milliseconds: remaining });
      remaining -= available;
      cursor = this.isWorkingDay(midnight) ? midnight : this.startOfNextWorkingDay(midnight);
    }
  }

  /** The end of the working day of the Nth working day after `from`'s local date (N = 0: that same day). */
  addWorkingDays(from: DateTime, days: number): DateTime {
    let day = this.local(from).startOf('day');
    // "0 working days after" a Saturday is the end of Monday, never the Saturday itself.
    if (days === 0) return this.endOfWorkingDay(this.rollForwardToWorkingDay(day));
    for (let counted = 0; counted < days; ) {
      day = day.plus({ days: 1 });
      if (this.isWorkingDay(day)) counted += 1;
    }
    return this.endOfWorkingDay(day);
  }

  /** The same local time N working days later (N < 0: earlier), for reminders "2 working days before". */
  shiftWorkingDays(from: DateTime, days: number): DateTime {
    const step = days < 0 ? -1 : 1;
    let day = this.local(from);
    for (let counted = 0; counted < Math.abs(days); ) {
      day = day.plus({ days: step });
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  /** Same local time N months later (luxon clamps the 31st to the month's end), rolled to a working day. */
  addCalendarMonths(from: DateTime, months: number): DateTime {
    return this.rollForwardToWorkingDay(this.local(from).plus({ months }));
  }

  add(from: DateTime, offset: Offset): DateTime {
    switch (offset.unit) {
      case 'hours':
        return this.addHours(from, offset.amount);
      case 'working-hours':
        return this.addWorkingHours(from, offset.amount);
      case 'working-days':
        return this.addWorkingDays(from, offset.amount);
      case 'calendar-months':
        return this.addCalendarMonths(from, offset.amount);
    }
  }

  private closedDates(year: number): Set<string> {
    let dates = this.closedByYear.get(year);
    if (!dates) {
      dates = new Set(
        this.holidays
          .getHolidays(year)
          .filter((h) => CLOSED_TYPES.has(h.type))
          .map((h) => h.date.slice(0, 10)),
      );
      this.closedByYear.set(year, dates);
    }
    return dates;
  }
}

const calendars = new WeakMap<Protocol, WorkingCalendar>();

/** The calendar of a protocol, built once per protocol object. */
export function calendarFor(protocol: Protocol): WorkingCalendar {
  let calendar = calendars.get(protocol);
  if (!calendar) {
    calendar = new WorkingCalendar(protocol.calendar);
    calendars.set(protocol, calendar);
  }
  return calendar;
}

/** Parses an ISO-8601 instant; text without an offset is read as local time in `zone`. */
export function parseInstant(iso: string, zone: string): DateTime | undefined {
  const parsed = DateTime.fromISO(iso, { zone, setZone: false });
  return parsed.isValid ? parsed.setZone(zone) : undefined;
}
