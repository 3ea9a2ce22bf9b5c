/**
 * Reminder cards: what is due, when, what the protocol expects (quoted), and
 * the buttons that settle it without leaving the chat: Record meeting for a
 * milestone met by a meeting, Mark done for one marked by hand, and Snooze.
 */
import type { DateTime } from 'luxon';
import type { Incident } from '../../core/incident/incident.js';
import type { MilestoneStatus } from '../../core/protocol/timeline.js';
import type { Reminder } from '../../core/reminders/reminder.js';
import { relativeTo } from '../local-time.js';
import { actionValue } from './action-value.js';
import type { CardAction, ReminderCard } from './card-model.js';
import { timelineRow } from './timeline-rows.js';

function headline(reminder: Reminder, milestone: MilestoneStatus, now: DateTime, reference: string): string {
  const due = milestone.due!;
  const when = relativeTo(due, now);
  switch (reminder.kind) {
    case 'escalation':
      return `Missed deadline: ${milestone.title} was due ${when} — ${reference}`;
    case 'after':
      return `Overdue: ${milestone.title} was due ${when} — ${reference}`;
    case 'at':
      return `Due now: ${milestone.title} — ${reference}`;
    default:
      return milestone.state === 'overdue'
        ? `Overdue: ${milestone.title} was due ${when} — ${reference}`
        : `${milestone.title} due ${when} — ${reference}`;
  }
}

export function buildReminderCard(
  incident: Incident,
  reminder: Reminder,
  milestone: MilestoneStatus,
  now: DateTime,
): ReminderCard {
  const value = { reference: incident.reference, milestoneId: milestone.id, reminderKey: reminder.key };
  const metBy = milestone.milestone.metBy;
  const actions: CardAction[] = [];
  if (metBy.type === 'meeting') {
    actions.push({
      verb: 'record-meeting',
      label: `Record the ${metBy.meeting} meeting`,
      value: actionValue({ ...value, meetingKind: metBy.meeting }),
      style: 'primary',
    });
  } else if (metBy.type === 'manual') {
    actions.push({ verb: 'mark-done', label: 'Mark done', value: actionValue(value), style: 'primary' });
  }
  actions.push({ verb: 'snooze', label: 'Snooze to next working day', value: actionValue(value) });
  const row = timelineRow(milestone, now);
  return {
    kind: 'reminder',
    reference: incident.reference,
    reminderKey: reminder.key,
    reminderKind: reminder.kind,
    milestoneId: milestone.id,
    milestoneTitle: milestone.title,
    headline: headline(reminder, milestone, now, incident.reference),
    dueText: `${row.dueText} (${row.stateText})`,
    state: milestone.state,
    escalation: reminder.kind === 'escalation',
    ...(milestone.milestone.description ? { description: milestone.milestone.description } : {}),
    ...(metBy.type === 'meeting' ? { meetingKind: metBy.meeting } : {}),
    actions,
  };
}
