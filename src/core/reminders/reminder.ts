/**
 * Reminders: rows keyed deterministically (`initial-meeting:before-24h`) so a
 * reminder is sent at most once per incident. The protocol plans them; the
 * store keeps them and hands due ones out under a lease; the use case checks at
 * fire time that the milestone still needs the nudge.
 */
/** `snooze`: a reminder someone pushed to the next working day; it fires once more then. */
export type ReminderKind = 'before' | 'at' | 'after' | 'escalation' | 'snooze';

/** A reminder as the protocol plans it for one incident. */
export interface PlannedReminder {
  key: string;
  milestoneId: string;
  kind: ReminderKind;
  fireAt: string;
  /** Roles to nudge (`sio`, `coordinator`, `list-1`…). */
  notify: string[];
}

/** A reminder as the store keeps it. */
export interface Reminder extends PlannedReminder {
  incidentId: string;
  sentAt?: string;
  attempts: number;
  lastError?: string;
  /** Set while a scheduler instance holds the reminder; expires at `leaseUntil`. */
  claimedBy?: string;
  leaseUntil?: string;
}
