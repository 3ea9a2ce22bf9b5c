/**
 * Reminders for an incident's key dates (anniversaries, court dates,
 * memorials; seed 002 "be aware of key dates"): one at 09:00 local N working
 * days before, so the partnership has time to re-mobilise, and one at 09:00 on
 * the day. Keys are deterministic (`keydate:kd-1:before-5wd`,
 * `keydate:kd-1:on-the-day`) so re-syncing never sends one twice.
 */
import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { PlannedReminder } from '../reminders/reminder.js';
import { keyDateSubjectId } from '../reminders/reminder-subject.js';
import type { KeyDate } from './incident.js';

/** The hour, local time, key-date reminders arrive: the start of the working morning. */
export const KEY_DATE_REMINDER_HOUR = 9;

/** The role key-date reminders notify: the area's coordinators, who call the group together. */
export const KEY_DATE_NOTIFY = ['coordinators'];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** 09:00 local on the key date's own day (a bare date or an instant's local date). */
export function keyDateMorning(date: string, calendar: WorkingCalendar): DateTime | undefined {
  const parsed = DATE_ONLY.test(date)
    ? DateTime.fromISO(date, { zone: calendar.zone })
    : DateTime.fromISO(date, { setZone: true });
  if (!parsed.isValid) return undefined;
  return calendar.local(parsed).set({ hour: KEY_DATE_REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 });
}

export function planKeyDateReminders(
  keyDates: readonly KeyDate[],
  calendar: WorkingCalendar,
  now: DateTime,
): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const keyDate of keyDates) {
    const morning = keyDateMorning(keyDate.date, calendar);
    if (!morning) continue;
    const base = { milestoneId: keyDateSubjectId(keyDate.id), notify: [...KEY_DATE_NOTIFY] };
    const n = keyDate.remobiliseWorkingDaysBefore;
    const before = calendar.shiftWorkingDays(morning, -n);
    // A past reminder would arrive late and say nothing new; the date itself still gets its own.
    if (n > 0 && before > now) {
      planned.push({
        ...base,
        key: `keydate:${keyDate.id}:before-${n}wd`,
        kind: 'before',
        fireAt: before.toUTC().toISO()!,
      });
    }
    // On the day, even a weekend or holiday: anniversaries fall when they fall.
    if (morning > now) {
      planned.push({
        ...base,
        key: `keydate:${keyDate.id}:on-the-day`,
        kind: 'at',
        fireAt: morning.toUTC().toISO()!,
      });
    }
  }
  return planned;
}
