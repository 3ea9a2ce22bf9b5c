/**
 * Snooze on an action's reminder card: remind the owner again at 09:00 on the
 * next working day. Recorded on the incident as a snooze naming the action,
 * so re-planning keeps it (`action:1.2:snooze-N`); it sends nothing if the
 * action is done or dropped by then.
 */
import { z } from 'zod';
import { findAction } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Snooze } from '../../core/incident/incident.js';
import { actionSubjectId } from '../../core/reminders/reminder-subject.js';
import type { ProtocolDeps } from '../deps.js';
import { loadIncident, nowIn } from '../incident-timeline.js';
import { formatLocal } from '../local-time.js';
import { SNOOZE_HOUR, type SnoozeResult } from '../snooze-reminder.js';
import { syncIncidentReminders } from '../sync-incident-reminders.js';
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
  const now = nowIn(deps.clock, deps.protocol);
  const before = await loadIncident(deps.store, form.reference);
  const action = findAction(before.actions ?? [], form.actionNumber);
  if (action.status === 'done' || action.status === 'dropped') {
    throw new MusterError(
      ErrorCode.Conflict,
      `Action ${action.number} is ${action.status}; there is nothing to snooze.`,
    );
  }
  const until = calendarFor(deps.protocol).startOfNextWorkingDay(now).set({ hour: SNOOZE_HOUR });
  const snooze: Snooze = {
    key: form.reminderKey ?? `action:${action.number}:manual`,
    milestoneId: actionSubjectId(action.number),
    actionNumber: action.number,
    until: until.toUTC().toISO()!,
    by: form.by as Actor,
    at: now.toUTC().toISO()!,
  };
  let repeated: Snooze | undefined;
  const incident = await deps.store.updateIncident(before.id, (current) => {
    // A double click (or a retried request) snoozes once.
    repeated = current.snoozes?.find((s) => s.actionNumber === action.number && s.until === snooze.until);
    if (repeated) return { incident: current };
    checkNotClosed(current);
    return {
      incident: { ...current, snoozes: [...(current.snoozes ?? []), snooze], updatedAt: snooze.at },
      events: [
        {
          at: snooze.at,
          actor: snooze.by,
          type: 'reminder.snoozed',
          summary: `Action ${action.number}: reminder snoozed until ${formatLocal(until)} by ${snooze.by.name}.`,
          data: { actionNumber: action.number, key: snooze.key, until: snooze.until },
        },
      ],
    };
  });
  if (repeated)
    return { incident, snooze: repeated, message: `Already snoozed until ${formatLocal(until)}.` };
  await syncIncidentReminders(deps, incident);
  return { incident, snooze, message: `Snoozed: you will be reminded again ${formatLocal(until)}.` };
}
