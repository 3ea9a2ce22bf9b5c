/**
 * Reminder planning for actions with a real due date: a nudge N working days
 * before it and one when it passes. Keys are deterministic (`action:1.2:before-2wd`,
 * `action:1.2:overdue`) so, once wired into the store's reminder sync, each is
 * sent at most once and moving the due date moves the unsent ones. Not wired yet:
 * the reminder runner only knows protocol milestones.
 */
import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Action } from './action.js';

export interface PlannedActionReminder {
  key: string;
  actionNumber: string;
  kind: 'before' | 'overdue';
  /** UTC ISO instant. */
  fireAt: string;
  /** Actor id of the action's owner: the person to nudge. */
  notify: string;
}

export interface ActionReminderOptions {
  /** Working days before the due date for the first nudge. */
  daysBefore: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** When an action is due: a bare date means the end of that working day in the calendar's zone. */
export function dueInstant(due: string, calendar: WorkingCalendar): DateTime | undefined {
  if (DATE_ONLY.test(due)) {
    const day = DateTime.fromISO(due, { zone: calendar.zone });
    return day.isValid ? calendar.endOfWorkingDay(day) : undefined;
  }
  const instant = DateTime.fromISO(due, { setZone: true });
  return instant.isValid ? calendar.local(instant) : undefined;
}

export function planActionReminders(
  actions: readonly Action[],
  calendar: WorkingCalendar,
  now: DateTime,
  options: ActionReminderOptions = { daysBefore: 2 },
): PlannedActionReminder[] {
  const planned: PlannedActionReminder[] = [];
  for (const action of actions) {
    // Finished or dropped actions need no nudge; text-only timescales have no date to nudge for.
    if (action.status === 'done' || action.status === 'dropped' || !action.due) continue;
    const due = dueInstant(action.due, calendar);
    if (!due) continue;
    const base = { actionNumber: action.number, notify: action.owner.id };
    const before = calendar.shiftWorkingDays(due, -options.daysBefore);
    // A "before" nudge whose time has passed would arrive late and say nothing new; the overdue one stays.
    if (options.daysBefore > 0 && before > now) {
      planned.push({
        ...base,
        key: `action:${action.number}:before-${options.daysBefore}wd`,
        kind: 'before',
        fireAt: before.toUTC().toISO()!,
      });
    }
    planned.push({
      ...base,
      key: `action:${action.number}:overdue`,
      kind: 'overdue',
      fireAt: due.toUTC().toISO()!,
    });
  }
  return planned;
}
