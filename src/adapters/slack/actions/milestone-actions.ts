/**
 * The reminder card's own buttons: Mark done (for milestones met by hand,
 * such as minutes circulated) and Snooze (the reminder comes back on the next
 * working day). Both answer the presser and refresh the incident card.
 */
import { formatLocal } from '../../../app/local-time.js';
import { markMilestoneDone } from '../../../app/mark-milestone-done.js';
import { snoozeReminder } from '../../../app/snooze-reminder.js';
import { invalidInput } from '../../../app/validate-input.js';
import type { SlackContext } from '../slack-context.js';
import type { PressWork } from './button-press.js';
import { refreshCard } from './refresh-card.js';

function milestoneOf(value: { milestoneId?: string | undefined }): string {
  if (!value.milestoneId)
    throw invalidInput([{ path: 'milestoneId', message: 'this button names no milestone' }]);
  return value.milestoneId;
}

export function markDoneWork(ctx: SlackContext): PressWork {
  return async ({ value, incident, person }) => {
    const marked = await markMilestoneDone(ctx.deps, {
      reference: incident.reference,
      milestoneId: milestoneOf(value),
      by: person.actor,
    });
    if (marked.alreadyDone) {
      return `That was already marked done (${marked.completion.by.name}, ${formatLocal(marked.completion.at, ctx.deps.protocol.calendar.zone)}); nothing changed.`;
    }
    await refreshCard(ctx, incident.reference);
    return `Marked done for ${incident.reference}. Thank you.`;
  };
}

export function snoozeWork(ctx: SlackContext): PressWork {
  return async ({ value, incident, person }) => {
    const snoozed = await snoozeReminder(ctx.deps, {
      reference: incident.reference,
      milestoneId: milestoneOf(value),
      by: person.actor,
      ...(value.reminderKey ? { reminderKey: value.reminderKey } : {}),
    });
    return snoozed.message;
  };
}
