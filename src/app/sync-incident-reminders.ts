/**
 * Keeps an incident's stored reminders in line with its timeline, its action
 * plan and its key dates. Called after every change that moves a due date
 * (opening, meetings, milestones, actions, key dates, snoozes, reopening);
 * the store keeps sent reminders, so re-syncing never sends anything twice.
 */
import { DateTime } from 'luxon';
import { planActionReminders } from '../core/actions/action-reminders.js';
import { calendarFor } from '../core/calendar/working-calendar.js';
import type { Incident } from '../core/incident/incident.js';
import { planKeyDateReminders } from '../core/incident/key-date-reminders.js';
import { planReminders } from '../core/protocol/timeline.js';
import type { PlannedReminder } from '../core/reminders/reminder.js';
import { actionSubjectId } from '../core/reminders/reminder-subject.js';
import type { ProtocolDeps } from './deps.js';
import { nowIn, timelineFacts } from './incident-timeline.js';

/** Working days before an action's due date that its owner gets the first nudge (issue 6). */
export const ACTION_REMINDER_DAYS_BEFORE = 2;

/** The notify "role" of action reminders: the runner sends them to the action's owner. */
export const ACTION_OWNER_ROLE = 'action-owner';

export async function syncIncidentReminders(
  deps: ProtocolDeps,
  incident: Incident,
): Promise<PlannedReminder[]> {
  const now = nowIn(deps.clock, deps.protocol);
  const planned = [
    ...planReminders(deps.protocol, timelineFacts(incident), now),
    ...planIncidentExtras(deps, incident, now),
  ];
  await deps.store.syncReminders(incident.id, planned);
  return planned;
}

/** Reminders beyond the protocol's: actions with a due date, their snoozes, and key dates. */
export function planIncidentExtras(deps: ProtocolDeps, incident: Incident, now: DateTime): PlannedReminder[] {
  const calendar = calendarFor(deps.protocol);
  const actions = incident.actions ?? [];
  const fromActions = planActionReminders(actions, calendar, now, {
    daysBefore: ACTION_REMINDER_DAYS_BEFORE,
  }).map<PlannedReminder>((r) => ({
    key: r.key,
    milestoneId: actionSubjectId(r.actionNumber),
    // "overdue" fires at the due instant itself.
    kind: r.kind === 'before' ? 'before' : 'at',
    fireAt: r.fireAt,
    notify: [ACTION_OWNER_ROLE],
  }));
  const open = new Set(
    actions.filter((a) => a.status !== 'done' && a.status !== 'dropped').map((a) => a.number),
  );
  const counts = new Map<string, number>();
  const snoozes: PlannedReminder[] = [];
  for (const snooze of incident.snoozes ?? []) {
    if (!snooze.actionNumber) continue;
    // Numbered per action and counted over all its snoozes, so a key never changes meaning once sent.
    const n = (counts.get(snooze.actionNumber) ?? 0) + 1;
    counts.set(snooze.actionNumber, n);
    if (!open.has(snooze.actionNumber)) continue;
    snoozes.push({
      key: `action:${snooze.actionNumber}:snooze-${n}`,
      milestoneId: actionSubjectId(snooze.actionNumber),
      kind: 'snooze',
      fireAt: calendar
        .local(DateTime.fromISO(snooze.until, { setZone: true }))
        .toUTC()
        .toISO()!,
      notify: [ACTION_OWNER_ROLE],
    });
  }
  return [...fromActions, ...snoozes, ...planKeyDateReminders(incident.keyDates ?? [], calendar, now)];
}
