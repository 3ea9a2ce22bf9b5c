/**
 * Firing the reminders that are not about a protocol milestone: an action's
 * (to its owner, with Add update / Mark done / Snooze) and a key date's (to
 * the area's coordinators: time to re-mobilise the group). Each is re-checked
 * now, not trusted from planning time: an action done, dropped or given a new
 * due date, or a key date removed or moved, sends nothing and says why.
 */
import type { DateTime } from 'luxon';
import type { Action } from '../core/actions/action.js';
import { dueInstant } from '../core/actions/action-reminders.js';
import { calendarFor, type WorkingCalendar } from '../core/calendar/working-calendar.js';
import { contactCovers } from '../core/directory/directory.js';
import type { Directory } from '../core/directory/directory-schema.js';
import type { Incident, KeyDate } from '../core/incident/incident.js';
import { KEY_DATE_NOTIFY, keyDateMorning } from '../core/incident/key-date-reminders.js';
import type { Reminder } from '../core/reminders/reminder.js';
import type { ReminderSubject } from '../core/reminders/reminder-subject.js';
import type { Recipients } from '../ports.js';
import { buildActionReminderCard } from './cards/action-reminder-card.js';
import type { NoticeCard } from './cards/card-model.js';
import type { PlatformDeps } from './deps.js';
import { formatLocal } from './local-time.js';
import { recipientsFor } from './recipients.js';

export type SubjectSkipReason =
  | 'action-unknown'
  | 'action-settled'
  | 'action-due-moved'
  | 'key-date-unknown'
  | 'key-date-moved';

export const SUBJECT_SKIP_SUMMARIES: Record<SubjectSkipReason, string> = {
  'action-unknown': 'the action is no longer in the plan',
  'action-settled': 'the action is done or dropped',
  'action-due-moved': 'the action is no longer due when this reminder was planned for',
  'key-date-unknown': 'the key date was removed',
  'key-date-moved': 'the key date moved',
};

export interface SubjectReminderDeps extends PlatformDeps {
  directory: Directory;
}

/** Sends the reminder, or says why not; a platform failure is thrown so the reminder is retried. */
export async function fireSubjectReminder(
  deps: SubjectReminderDeps,
  incident: Incident,
  reminder: Reminder,
  subject: Exclude<ReminderSubject, { kind: 'milestone' }>,
  now: DateTime,
): Promise<SubjectSkipReason | undefined> {
  const calendar = calendarFor(deps.protocol);
  return subject.kind === 'action'
    ? fireActionReminder(deps, incident, reminder, subject.actionNumber, calendar, now)
    : fireKeyDateReminder(deps, incident, reminder, subject.keyDateId, calendar);
}

/** The instant a "before" reminder (key `…:before-Nwd`) or any other would be planned for now. */
function expectedFireAt(reminder: Reminder, at: DateTime, calendar: WorkingCalendar): DateTime {
  const days = Number(/:before-(\d+)wd$/.exec(reminder.key)?.[1] ?? 0);
  return reminder.kind === 'before' ? calendar.shiftWorkingDays(at, -days) : at;
}

const sameInstant = (a: DateTime, iso: string) => a.toMillis() === Date.parse(iso);

async function fireActionReminder(
  deps: SubjectReminderDeps,
  incident: Incident,
  reminder: Reminder,
  number: string,
  calendar: WorkingCalendar,
  now: DateTime,
): Promise<SubjectSkipReason | undefined> {
  const action = (incident.actions ?? []).find((a) => a.number === number);
  if (!action) return 'action-unknown';
  if (action.status === 'done' || action.status === 'dropped') return 'action-settled';
  const due = action.due ? dueInstant(action.due, calendar) : undefined;
  if (!due) return 'action-due-moved';
  // A snooze was asked for by a person; it comes back whatever the due date now says.
  if (reminder.kind !== 'snooze' && !sameInstant(expectedFireAt(reminder, due, calendar), reminder.fireAt))
    return 'action-due-moved';
  const card = buildActionReminderCard(incident, action, reminder, due, now, deps.directory);
  const recipients = actionRecipients(action, incident, deps.directory);
  for (const platform of deps.platforms) {
    await platform.deliverReminder({
      incident,
      reminder,
      card,
      recipients,
      toCoordination: false,
    });
  }
  return undefined;
}

/**
 * The owner, directly. When the owner is not in the directory (typed in by
 * name), the lead agency's contacts for the area instead, so the nudge still
 * reaches someone accountable without copying a whole agency on every action.
 */
export function actionRecipients(action: Action, incident: Incident, directory: Directory): Recipients {
  const owner = action.owner.contactId
    ? directory.contacts.filter((c) => c.id === action.owner.contactId)
    : [];
  const contacts =
    owner.length > 0
      ? owner
      : directory.contacts.filter((c) => c.agency === action.leadAgency && contactCovers(c, incident.area));
  return { contacts, actors: [action.owner] };
}

const KEY_DATE_LABELS: Record<KeyDate['kind'], string> = {
  anniversary: 'anniversary',
  'court-date': 'court date',
  memorial: 'memorial',
  other: 'key date',
};

/**
 * Ahead of a key date (and on the day), the area's coordinators and the
 * incident's space are asked to consider calling the group together again:
 * seed 002 warns that anniversaries and judicial proceedings raise tensions.
 */
async function fireKeyDateReminder(
  deps: SubjectReminderDeps,
  incident: Incident,
  reminder: Reminder,
  keyDateId: string,
  calendar: WorkingCalendar,
): Promise<SubjectSkipReason | undefined> {
  const keyDate = (incident.keyDates ?? []).find((k) => k.id === keyDateId);
  if (!keyDate) return 'key-date-unknown';
  const morning = keyDateMorning(keyDate.date, calendar);
  if (!morning || !sameInstant(expectedFireAt(reminder, morning, calendar), reminder.fireAt)) {
    return 'key-date-moved';
  }
  const days = Number(/:before-(\d+)wd$/.exec(reminder.key)?.[1] ?? 0);
  const what = `${KEY_DATE_LABELS[keyDate.kind]} — ${keyDate.title}`;
  const notice: NoticeCard = {
    kind: 'notice',
    reference: incident.reference,
    headline:
      reminder.kind === 'before'
        ? `Key date in ${days} working days: ${what} (${incident.reference})`
        : `Key date today: ${what} (${incident.reference})`,
    lines: [
      'Consider re-mobilising the group: anniversaries and judicial proceedings can raise tensions again.',
      `${formatLocal(morning, calendar.zone).replace(/ \d\d:\d\d /, ' ')}.`,
    ],
  };
  const recipients = recipientsFor(KEY_DATE_NOTIFY, incident, deps.directory);
  for (const platform of deps.platforms) {
    const space = incident.spaces[platform.name];
    if (space?.spaceId && space.spaceName) {
      await platform.sendNotice(
        { kind: 'space', space: { id: space.spaceId, name: space.spaceName } },
        notice,
      );
    }
    await platform.sendNotice({ kind: 'direct', recipients }, notice);
  }
  return undefined;
}
