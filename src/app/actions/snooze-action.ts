/**
 * Snooze on an action's reminder card: remind the owner again at 09:00 on the
 * next working day. Recorded on the incident as a snooze naming the action,
 * so re-planning keeps it (`action:1.2:snooze-N`); it sends nothing if the
 * action is done or dropped by then.
 */
import { z } from 'zod';
import { findAction } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import { actionSubjectId } from '../../core/reminders/reminder-subject.js';
import type { ProtocolDeps } from '../deps.js';
import { loadIncident } from '../incident-timeline.js';
import { recordSnooze, type SnoozeResult } from '../snooze-reminder.js';
import { actorSchema, parseInput, referenceSchema } from '../validate-input.js';
import { actionNumberSchema, checkNotClosed } from './action-input.js';

const snoozeActionInputSchema = z.object({
  reference: referenceSchema,
  actionNumber: actionNumberSchema,
  reminderKey: z.string().trim().min(1).optional(),
  by: actorSchema,
});

export type SnoozeActionInput = z.input<typeof snoozeActionInputSchema>;

export async function snoozeActionReminder(
  deps: ProtocolDeps,
  input: SnoozeActionInput,
): Promise<SnoozeResult> {
  const form = parseInput(snoozeActionInputSchema, input);
  const before = await loadIncident(deps.store, form.reference);
  const action = findAction(before.actions ?? [], form.actionNumber);
  if (action.status === 'done' || action.status === 'dropped') {
    throw new MusterError(
      ErrorCode.Conflict,
      `Action ${action.number} is ${action.status}; there is nothing to snooze.`,
    );
  }
  return recordSnooze(
    deps,
    before.id,
    {
      key: form.reminderKey ?? `action:${action.number}:manual`,
      milestoneId: actionSubjectId(action.number),
      actionNumber: action.number,
      title: `Action ${action.number}`,
      data: { actionNumber: action.number },
    },
    form.by as Actor,
    checkNotClosed,
  );
}
