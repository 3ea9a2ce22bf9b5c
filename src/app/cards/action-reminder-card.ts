/**
 * An action's reminder card (issue 6): what is due and when, the action as
 * the plan states it, who leads, its RAG and latest update, and the buttons
 * that answer it without leaving the chat: Add update, Mark done, Snooze.
 */
import type { DateTime } from 'luxon';
import type { Action } from '../../core/actions/action.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import type { Incident } from '../../core/incident/incident.js';
import type { Reminder } from '../../core/reminders/reminder.js';
import { actionSubjectId } from '../../core/reminders/reminder-subject.js';
import { agencyName } from '../directory-agencies.js';
import { formatLocal, relativeTo } from '../local-time.js';
import { actionValue } from './action-value.js';
import type { ActionReminderCard, CardFact } from './card-model.js';

function headline(reminder: Reminder, action: Action, due: DateTime, now: DateTime, reference: string) {
  const days = /:before-(\d+)wd$/.exec(reminder.key)?.[1];
  if (now >= due) return `Overdue: action ${action.number} was due ${formatLocal(due)} — ${reference}`;
  if (reminder.kind === 'before' && days) {
    return `Action ${action.number} due in ${days} working day${days === '1' ? '' : 's'} — ${reference}`;
  }
  return `Action ${action.number} due ${relativeTo(due, now)} — ${reference}`;
}

export function actionFacts(action: Action, directory: Directory): CardFact[] {
  const latest = action.updates.at(-1);
  return [
    { label: 'Lead agency', value: agencyName(directory, action.leadAgency) },
    { label: 'Owner', value: action.owner.name },
    { label: 'RAG', value: action.rag.toUpperCase() },
    { label: 'Status', value: action.status },
    ...(latest ? [{ label: 'Latest update', value: `${latest.text} (${latest.by.name})` }] : []),
  ];
}

export function buildActionReminderCard(
  incident: Incident,
  action: Action,
  reminder: Reminder,
  due: DateTime,
  now: DateTime,
  directory: Directory,
): ActionReminderCard {
  const value = actionValue({
    reference: incident.reference,
    actionNumber: action.number,
    reminderKey: reminder.key,
  });
  const overdue = now >= due;
  return {
    kind: 'reminder',
    reference: incident.reference,
    reminderKey: reminder.key,
    reminderKind: reminder.kind,
    milestoneId: actionSubjectId(action.number),
    milestoneTitle: `Action ${action.number}`,
    headline: headline(reminder, action, due, now, incident.reference),
    dueText: `${formatLocal(due)} (${overdue ? `overdue by ${relativeTo(now, due).replace(/^in /, '')}` : relativeTo(due, now)})`,
    state: overdue ? 'overdue' : 'pending',
    escalation: false,
    action: {
      number: action.number,
      description: action.description,
      rag: action.rag,
      facts: actionFacts(action, directory),
    },
    actions: [
      { verb: 'add-update', label: 'Add update', value, style: 'primary' },
      { verb: 'mark-action-done', label: 'Mark done', value },
      { verb: 'snooze-action', label: 'Snooze to next working day', value },
    ],
  };
}
