/**
 * The rules for the reminder rows inside an incident file: syncing them with
 * the protocol's plan, handing due ones out under a lease, completing and
 * releasing a claim. Pure functions over arrays, so the store only has to
 * read the file, call one of these and write the result.
 */
import { ErrorCode, MusterError } from '../../../core/errors.js';
import type { PlannedReminder, Reminder } from '../../../core/reminders/reminder.js';

/** When a reminder can next be claimed: its fire time, or the end of a live lease if later. */
export function claimableAt(reminder: Reminder): number | undefined {
  if (reminder.sentAt !== undefined) return undefined;
  const fireAt = Date.parse(reminder.fireAt);
  // Leases are written only by this store, so they always parse.
  const leaseUntil =
    reminder.leaseUntil === undefined ? Number.NEGATIVE_INFINITY : Date.parse(reminder.leaseUntil);
  return Math.max(fireAt, leaseUntil);
}

export function nextDueAt(reminders: readonly Reminder[]): number | undefined {
  let next: number | undefined;
  for (const reminder of reminders) {
    const at = claimableAt(reminder);
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  return next;
}

function byFireTime(a: Reminder, b: Reminder): number {
  return Date.parse(a.fireAt) - Date.parse(b.fireAt) || a.key.localeCompare(b.key);
}

function withoutLease(reminder: Reminder): Reminder {
  const { claimedBy: _owner, leaseUntil: _until, ...rest } = reminder;
  return rest;
}

/** See `Store.syncReminders`: the plan wins for unsent rows; sent rows are history and stay as they are. */
export function syncPlanned(
  incidentId: string,
  current: readonly Reminder[],
  planned: readonly PlannedReminder[],
): Reminder[] {
  const seen = new Set<string>();
  for (const plan of planned) {
    if (seen.has(plan.key)) {
      throw new MusterError(
        ErrorCode.InvalidInput,
        `Reminder ${plan.key} is planned twice for ${incidentId}.`,
      );
    }
    if (Number.isNaN(Date.parse(plan.fireAt))) {
      throw new MusterError(
        ErrorCode.InvalidInput,
        `Reminder ${plan.key} has no valid fire time (${plan.fireAt}).`,
      );
    }
    seen.add(plan.key);
  }
  const existing = new Map(current.map((reminder) => [reminder.key, reminder]));
  const next: Reminder[] = current.filter((reminder) => reminder.sentAt !== undefined);
  for (const plan of planned) {
    const row = existing.get(plan.key);
    if (row?.sentAt !== undefined) continue;
    const { key, milestoneId, kind, fireAt, notify } = plan;
    next.push(
      row
        ? { ...row, milestoneId, kind, fireAt, notify: [...notify] }
        : { key, milestoneId, kind, fireAt, notify: [...notify], incidentId, attempts: 0 },
    );
  }
  return next.sort(byFireTime);
}

export interface ClaimRequest {
  nowMs: number;
  owner: string;
  leaseMs: number;
  limit: number;
}

/** Leases up to `limit` claimable reminders, earliest first. */
export function claimDue(
  reminders: readonly Reminder[],
  request: ClaimRequest,
): { reminders: Reminder[]; claimed: Reminder[] } {
  const leaseUntil = new Date(request.nowMs + request.leaseMs).toISOString();
  const chosen = new Set(
    reminders
      .filter((reminder) => (claimableAt(reminder) ?? Number.POSITIVE_INFINITY) <= request.nowMs)
      .sort(byFireTime)
      .slice(0, Math.max(0, request.limit))
      .map((reminder) => reminder.key),
  );
  const claimed: Reminder[] = [];
  const next = reminders.map((reminder) => {
    if (!chosen.has(reminder.key)) return reminder;
    const leased = { ...reminder, claimedBy: request.owner, leaseUntil };
    claimed.push(leased);
    return leased;
  });
  return { reminders: next, claimed };
}

/** `undefined` when `owner` does not hold the reminder (never claimed, re-claimed by another, or already sent). */
export function markSent(
  reminders: readonly Reminder[],
  key: string,
  owner: string,
  sentAt: Date,
): Reminder[] | undefined {
  const row = reminders.find((reminder) => reminder.key === key);
  // An expired lease still counts if nobody else took it over: the message went out, so record it.
  if (!row || row.sentAt !== undefined || row.claimedBy !== owner) return undefined;
  return reminders.map((reminder) =>
    reminder === row ? { ...withoutLease(row), sentAt: sentAt.toISOString() } : reminder,
  );
}

/** `undefined` when `owner` does not hold the reminder, in which case the other holder's claim is left alone. */
export function release(
  reminders: readonly Reminder[],
  key: string,
  owner: string,
  error: string,
): Reminder[] | undefined {
  const row = reminders.find((reminder) => reminder.key === key);
  if (!row || row.sentAt !== undefined || row.claimedBy !== owner) return undefined;
  return reminders.map((reminder) =>
    reminder === row ? { ...withoutLease(row), attempts: row.attempts + 1, lastError: error } : reminder,
  );
}
