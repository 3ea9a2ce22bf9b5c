/**
 * Snooze: someone on a reminder card asks to be reminded again at 09:00 on the
 * next working day. The snooze is recorded on the incident (so re-planning
 * keeps it) and becomes one more reminder, `<milestone>:snooze-N`; it still
 * sends nothing if the milestone is met by then.
 */
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import { calendarFor } from '../core/calendar/working-calendar.js';
import { ErrorCode, MusterError } from '../core/errors.js';
import type { Incident, Snooze } from '../core/incident/incident.js';
import type { ProtocolDeps } from './deps.js';
import { incidentTimeline, loadIncident, nowIn } from './incident-timeline.js';
import { formatLocal } from './local-time.js';
import { syncIncidentReminders } from './sync-incident-reminders.js';
import { actorSchema, invalidInput, parseInput, referenceSchema } from './validate-input.js';

/** The hour a snoozed reminder comes back, local time. */
export const SNOOZE_HOUR = 9;

const snoozeInputSchema = z.object({
  reference: referenceSchema,
  milestoneId: z.string().trim().min(1, 'say which milestone'),
  reminderKey: z.string().trim().min(1).optional(),
  by: actorSchema,
});

export type SnoozeInput = z.input<typeof snoozeInputSchema>;

export interface SnoozeResult {
  incident: Incident;
  snooze: Snooze;
  message: string;
}

export async function snoozeReminder(deps: ProtocolDeps, input: SnoozeInput): Promise<SnoozeResult> {
  const form = parseInput(snoozeInputSchema, input);
  const now = nowIn(deps.clock, deps.protocol);
  const before = await loadIncident(deps.store, form.reference);
  const status = incidentTimeline(deps.protocol, before, now).find((m) => m.id === form.milestoneId);
  if (!status)
    throw invalidInput([
      { path: 'milestoneId', message: `"${form.milestoneId}" is not a milestone of this protocol` },
    ]);
  if (status.state === 'met') {
    throw new MusterError(
      ErrorCode.Conflict,
      `${status.title} is already met for ${before.reference}; there is nothing to snooze.`,
    );
  }
  return recordSnooze(
    deps,
    before.id,
    {
      key: form.reminderKey ?? `${form.milestoneId}:manual`,
      milestoneId: form.milestoneId,
      title: status.title,
      data: { milestoneId: form.milestoneId },
    },
    form.by as Actor,
    (current) => {
      if (current.status === 'closed') {
        throw new MusterError(
          ErrorCode.InvalidTransition,
          `${current.reference} is closed; reminders are off.`,
        );
      }
    },
  );
}

/** What a snooze is about: a protocol milestone, or an action (its subject id stands in `milestoneId`). */
export interface SnoozeSubject {
  key: string;
  milestoneId: string;
  actionNumber?: string;
  /** How the audit names it: the milestone's title, "Action 1.2". */
  title: string;
  data: Record<string, unknown>;
}

/**
 * Records a snooze to 09:00 on the next working day, once (a double click or
 * a retried request finds the same snooze and changes nothing), audits it and
 * re-plans the incident's reminders. `checkOpen` refuses inside the store's
 * lock when the incident may no longer be changed.
 */
export async function recordSnooze(
  deps: ProtocolDeps,
  incidentId: string,
  subject: SnoozeSubject,
  by: Actor,
  checkOpen: (current: Incident) => void,
): Promise<SnoozeResult> {
  const now = nowIn(deps.clock, deps.protocol);
  const until = calendarFor(deps.protocol).startOfNextWorkingDay(now).set({ hour: SNOOZE_HOUR });
  const snooze: Snooze = {
    key: subject.key,
    milestoneId: subject.milestoneId,
    ...(subject.actionNumber ? { actionNumber: subject.actionNumber } : {}),
    until: until.toUTC().toISO()!,
    by,
    at: now.toUTC().toISO()!,
  };
  let repeated: Snooze | undefined;
  const incident = await deps.store.updateIncident(incidentId, (current) => {
    repeated = current.snoozes?.find((s) => s.milestoneId === snooze.milestoneId && s.until === snooze.until);
    if (repeated) return { incident: current };
    checkOpen(current);
    return {
      incident: { ...current, snoozes: [...(current.snoozes ?? []), snooze], updatedAt: snooze.at },
      events: [
        {
          at: snooze.at,
          actor: by,
          type: 'reminder.snoozed',
          summary: `${subject.title}: reminder snoozed until ${formatLocal(until)} by ${by.name}.`,
          data: { ...subject.data, key: snooze.key, until: snooze.until },
        },
      ],
    };
  });
  if (repeated)
    return { incident, snooze: repeated, message: `Already snoozed until ${formatLocal(until)}.` };
  await syncIncidentReminders(deps, incident);
  return { incident, snooze, message: `Snoozed: you will be reminded again ${formatLocal(until)}.` };
}
