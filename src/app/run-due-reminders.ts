/**
 * The reminder run the scheduler ticks. It claims due reminders under a lease,
 * re-checks each at fire time (a met milestone, a done action or a closed
 * incident sends nothing, and says so in the audit), delivers through every chat platform and
 * marks a reminder sent only once delivery resolved. A failed delivery gives
 * the reminder back so the next tick retries it.
 */
import type { DateTime } from 'luxon';
import { SYSTEM_ACTOR } from '../core/actor.js';
import type { Directory } from '../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../core/errors.js';
import type { Incident } from '../core/incident/incident.js';
import type { MilestoneStatus } from '../core/protocol/timeline.js';
import type { Reminder } from '../core/reminders/reminder.js';
import { reminderSubject } from '../core/reminders/reminder-subject.js';
import { buildReminderCard } from './cards/reminder-card.js';
import type { PlatformDeps } from './deps.js';
import { incidentTimeline, nowIn } from './incident-timeline.js';
import { recipientsFor } from './recipients.js';
import {
  fireSubjectReminder,
  SUBJECT_SKIP_SUMMARIES,
  type SubjectSkipReason,
} from './run-subject-reminders.js';

export interface RunDueRemindersDeps extends PlatformDeps {
  /** Resolves the roles a reminder notifies (coordinators, List 1…) to people. */
  directory: Directory;
  /** This scheduler instance; only it may complete what it claimed. */
  owner: string;
  leaseMs: number;
  /** How many reminders one tick takes on. */
  limit: number;
}

export type SkipReason =
  | 'incident-missing'
  | 'incident-closed'
  | 'milestone-unknown'
  | 'milestone-met'
  | 'not-scheduled'
  | 'already-overdue'
  | SubjectSkipReason;

export interface ReminderOutcome {
  incidentId: string;
  key: string;
}

export interface RunDueRemindersResult {
  sent: ReminderOutcome[];
  skipped: (ReminderOutcome & { reason: SkipReason })[];
  failed: (ReminderOutcome & { error: string })[];
  /** Claimed by this run but taken over by another instance before it finished (its lease ran out). */
  lost: ReminderOutcome[];
  /** Problems after the reminder was settled (an audit event not written); for the log. */
  warnings: string[];
}

const SKIP_SUMMARIES: Record<SkipReason, string> = {
  'incident-missing': 'the incident no longer exists',
  'incident-closed': 'the incident is closed',
  'milestone-unknown': 'the protocol no longer has this milestone',
  'milestone-met': 'the milestone is already met',
  'not-scheduled': 'the milestone is no longer scheduled',
  'already-overdue': 'the milestone is already overdue, so a "before" reminder is pointless',
  ...SUBJECT_SKIP_SUMMARIES,
};

export async function runDueReminders(deps: RunDueRemindersDeps): Promise<RunDueRemindersResult> {
  if (deps.platforms.length === 0) {
    // Marking reminders sent with nowhere to send them would lose them silently.
    throw new MusterError(
      ErrorCode.InvalidConfig,
      'No chat platform is configured, so reminders cannot be delivered.',
    );
  }
  const now = nowIn(deps.clock, deps.protocol);
  const claimed = await deps.store.claimDueReminders({
    now: now.toJSDate(),
    owner: deps.owner,
    leaseMs: deps.leaseMs,
    limit: deps.limit,
  });
  const result: RunDueRemindersResult = { sent: [], skipped: [], failed: [], lost: [], warnings: [] };
  for (const reminder of claimed) {
    await fire(deps, reminder, now, result);
  }
  return result;
}

async function fire(
  deps: RunDueRemindersDeps,
  reminder: Reminder,
  now: DateTime,
  result: RunDueRemindersResult,
) {
  const outcome = { incidentId: reminder.incidentId, key: reminder.key };
  let incident: Incident | undefined;
  let reason: SkipReason | undefined;
  try {
    incident = await deps.store.getIncident(reminder.incidentId);
    const subject = reminderSubject(reminder.milestoneId);
    if (!incident) reason = 'incident-missing';
    else if (incident.status === 'closed') reason = 'incident-closed';
    else if (subject.kind === 'milestone')
      reason = await fireMilestoneReminder(deps, reminder, incident, now);
    else reason = await fireSubjectReminder(deps, incident, reminder, subject, now);
  } catch (error) {
    const message = errorMessage(error);
    result.failed.push({ ...outcome, error: message });
    try {
      await deps.store.releaseReminder(reminder.incidentId, reminder.key, deps.owner, message);
    } catch (releaseError) {
      // The lease runs out on its own; the reminder is retried then.
      result.warnings.push(
        `${reminder.incidentId} ${reminder.key}: could not release after a failed send: ${errorMessage(releaseError)}`,
      );
    }
    return;
  }

  try {
    const held = await deps.store.markReminderSent(
      reminder.incidentId,
      reminder.key,
      deps.owner,
      now.toJSDate(),
    );
    if (!held) {
      result.lost.push(outcome);
      return;
    }
  } catch (error) {
    // Delivered but not marked: when the lease runs out it is sent again, which beats never sending it.
    result.failed.push({ ...outcome, error: errorMessage(error) });
    return;
  }
  if (reason) result.skipped.push({ ...outcome, reason });
  else result.sent.push(outcome);
  if (!incident) return;

  try {
    await deps.store.appendEvents(reminder.incidentId, [
      reason
        ? {
            at: now.toUTC().toISO()!,
            actor: SYSTEM_ACTOR,
            type: 'reminder.skipped',
            summary: `Reminder ${reminder.key} not sent: ${SKIP_SUMMARIES[reason]}.`,
            data: { key: reminder.key, milestoneId: reminder.milestoneId, reason },
          }
        : {
            at: now.toUTC().toISO()!,
            actor: SYSTEM_ACTOR,
            type: 'reminder.sent',
            summary: `Reminder ${reminder.key} sent (${deps.platforms.map((p) => p.name).join(', ')}).`,
            data: { key: reminder.key, milestoneId: reminder.milestoneId },
          },
    ]);
  } catch (error) {
    result.warnings.push(
      `${reminder.incidentId} ${reminder.key}: could not record the audit event: ${errorMessage(error)}`,
    );
  }
}

/** A protocol milestone's reminder: re-checked against the timeline now, then delivered. */
async function fireMilestoneReminder(
  deps: RunDueRemindersDeps,
  reminder: Reminder,
  incident: Incident,
  now: DateTime,
): Promise<SkipReason | undefined> {
  const milestone = incidentTimeline(deps.protocol, incident, now).find((m) => m.id === reminder.milestoneId);
  const reason = skipReason(reminder, incident, milestone);
  if (reason) return reason;
  for (const platform of deps.platforms) {
    await platform.deliverReminder({
      incident,
      reminder,
      milestone: milestone!,
      card: buildReminderCard(incident, reminder, milestone!, now),
      recipients: recipientsFor(reminder.notify, incident, deps.directory),
      toCoordination: reminder.kind === 'escalation',
    });
  }
  return undefined;
}

/** Why a due reminder should not go out after all, re-checked now rather than trusted from planning time. */
function skipReason(
  reminder: Reminder,
  incident: Incident | undefined,
  milestone: MilestoneStatus | undefined,
): SkipReason | undefined {
  if (!incident) return 'incident-missing';
  if (incident.status === 'closed') return 'incident-closed';
  if (!milestone) return 'milestone-unknown';
  if (milestone.state === 'met') return 'milestone-met';
  if (milestone.state === 'not-scheduled') return 'not-scheduled';
  if (reminder.kind === 'before' && milestone.state === 'overdue') return 'already-overdue';
  return undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
