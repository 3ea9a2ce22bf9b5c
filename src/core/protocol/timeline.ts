/**
 * The timeline of one incident under a protocol: for every milestone its due
 * instant and state, and the reminders the protocol wants sent. Milestones
 * anchored on a meeting that has not been set are "not-scheduled", never guessed.
 */
import type { DateTime } from 'luxon';
import type { Meeting } from '../incident/incident.js';
import type { PlannedReminder } from '../reminders/reminder.js';
import type { Milestone, Role } from './protocol-schema.js';

export type MilestoneState = 'pending' | 'met' | 'overdue' | 'not-scheduled';

/** The facts the timeline is computed from (a subset of an Incident, so the CLI can pass bare dates). */
export interface TimelineFacts {
  occurredAt: string;
  notifiedAt?: string;
  meetings: ReadonlyArray<Pick<Meeting, 'kind' | 'at' | 'status'>>;
  completions?: Readonly<Record<string, { at: string }>>;
}

export interface MilestoneStatus {
  id: string;
  title: string;
  owner: Role;
  /** In the protocol's zone; null while its anchor meeting is not set. */
  due: DateTime | null;
  state: MilestoneState;
  metAt: DateTime | null;
  /** Met after it was due. */
  late: boolean;
  milestone: Milestone;
}

export type { PlannedReminder };
