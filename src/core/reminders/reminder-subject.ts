/**
 * What a stored reminder is about. Protocol milestones have kebab-case ids;
 * action and key-date reminders carry a subject id with a colon in its
 * `milestoneId` field (`action:1.2`, `keydate:kd-1`), which no milestone id
 * can contain, so one reminder table and one runner serve all three.
 */
export type ReminderSubject =
  | { kind: 'milestone'; milestoneId: string }
  | { kind: 'action'; actionNumber: string }
  | { kind: 'key-date'; keyDateId: string };

const ACTION_PREFIX = 'action:';
const KEY_DATE_PREFIX = 'keydate:';

export const actionSubjectId = (actionNumber: string) => `${ACTION_PREFIX}${actionNumber}`;
export const keyDateSubjectId = (keyDateId: string) => `${KEY_DATE_PREFIX}${keyDateId}`;

export function reminderSubject(milestoneId: string): ReminderSubject {
  if (milestoneId.startsWith(ACTION_PREFIX))
    return { kind: 'action', actionNumber: milestoneId.slice(ACTION_PREFIX.length) };
  if (milestoneId.startsWith(KEY_DATE_PREFIX))
    return { kind: 'key-date', keyDateId: milestoneId.slice(KEY_DATE_PREFIX.length) };
  return { kind: 'milestone', milestoneId };
}
