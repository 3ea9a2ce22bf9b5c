/**
 * The incident aggregate: the facts of the SIO's notification form, the
 * meetings held, the milestones marked done and the acknowledgements, plus the
 * status lifecycle of DESIGN.md. Pure data and pure functions; no I/O.
 */
import type { Action } from '../actions/action.js';
import type { Actor } from '../actor.js';
import { ErrorCode, MusterError } from '../errors.js';
import type { MeetingKind } from '../meetings/meeting-kind.js';
import type { MeetingRecord } from '../meetings/meeting-record.js';

export const INCIDENT_STATUSES = ['open', 'initial-held', 'review-held', 'final-held', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The toolkit's categorisation (seed 002): a police gold group, or an incident of note for the CSP. */
export const INCIDENT_CATEGORIES = ['gold-group', 'incident-of-note'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const WEAPONS = ['knife', 'firearm', 'other', 'none', 'unknown'] as const;
export type Weapon = (typeof WEAPONS)[number];

export { MEETING_KINDS, type MeetingKind } from '../meetings/meeting-kind.js';

export interface Meeting {
  id: string;
  kind: MeetingKind;
  /** When it is (or was) held: an ISO-8601 UTC instant. */
  at: string;
  status: 'scheduled' | 'held' | 'cancelled';
  chair?: Actor;
  /** Directory agency ids invited to it (a scheduled meeting's invitation list). */
  attendees?: string[];
  recordedBy?: Actor;
}

/** A milestone marked done by hand (minutes circulated, final report sent…). */
export interface MilestoneCompletion {
  at: string;
  by: Actor;
  note?: string;
}

/** One per agency that must acknowledge the notification (List 1 and List 2 of the area). */
export interface Acknowledgement {
  agencyId: string;
  at: string;
  by: Actor;
}

/** One per recipient of the notification. */
export interface Notification {
  contactId: string;
  agencyId: string;
  /** The area's lists the agency is on: List 1 is notified and gets minutes, List 2 attends the meeting. */
  lists: (1 | 2)[];
  sentAt?: string;
  acknowledgedAt?: string;
  acknowledgedBy?: Actor;
  escalatedAt?: string;
}

export interface Incident {
  /** The reference doubles as the id: `SV-2027-0042`. No personal data in it. */
  id: string;
  reference: string;
  title: string;
  occurredAt: string;
  /** When the SIO's notification reached the CSP (the `sio-notification` milestone). */
  notifiedAt?: string;
  area: string;
  category: IncidentCategory;
  location: string;
  description: string;
  weapon: Weapon;
  sio: Actor;
  reportedBy: Actor;
  knockOnAreas: string[];
  status: IncidentStatus;
  /** The status to return to when a closed incident is reopened. */
  statusBeforeClose?: IncidentStatus;
  closedReason?: string;
  meetings: Meeting[];
  completions: Record<string, MilestoneCompletion>;
  notifications: Notification[];
  acknowledgements: Acknowledgement[];
  /** Per platform (`slack`, `teams`, `console`): the incident's space and how far announcing it got. */
  spaces: Record<string, SpaceState>;
  /** Reminders pushed to a later time by someone pressing Snooze. */
  snoozes?: Snooze[];
  /** The action plan (seeds 003/004). Optional so incidents stored before it existed stay valid. */
  actions?: Action[];
  /** What happened in each meeting run in chat: attendance, checklist, notes, decisions. */
  meetingRecords?: MeetingRecord[];
  /** Dates the partnership re-mobilises for (toolkit: "be aware of key dates"). */
  keyDates?: KeyDate[];
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
  /** Bumped by the store on every update; lets adapters detect lost updates. */
  version: number;
}

/**
 * Announcing an incident on one platform is several steps (create the private
 * space, add people, post and pin the card, tell List 1, the coordination
 * channel and knock-on areas). Each records when it succeeded, so a retry
 * after a failure or a crash resumes where it stopped and never repeats a step.
 */
export interface SpaceState {
  /** Slack channel id, Teams conversation id, console channel id. */
  spaceId?: string;
  spaceName?: string;
  url?: string;
  membersAddedAt?: string;
  /** Contacts the platform could not find (by id or email); the coordinator is told. */
  missingContactIds?: string[];
  cardRef?: string;
  cardPostedAt?: string;
  directNoticesAt?: string;
  coordinationNoticeAt?: string;
  knockOnNoticeAt?: string;
  completedAt?: string;
  /** Set while the space is archived because the incident was closed. */
  archivedAt?: string;
  attempts?: number;
  lastError?: string;
  lastErrorAt?: string;
}

export interface Snooze {
  /** The reminder that was snoozed, e.g. `initial-meeting:before-24h`. */
  key: string;
  /**
   * The milestone snoozed; for an action's reminder the reminder's subject id
   * (`action:1.2`), which no protocol milestone can have, so milestone
   * planning never picks it up.
   */
  milestoneId: string;
  /** Set when an action's reminder was snoozed (`1.2`). */
  actionNumber?: string;
  until: string;
  by: Actor;
  at: string;
}

export const KEY_DATE_KINDS = ['anniversary', 'court-date', 'memorial', 'other'] as const;
export type KeyDateKind = (typeof KEY_DATE_KINDS)[number];

/** A date after the response that may raise tensions again; the partnership regroups ahead of it. */
export interface KeyDate {
  id: string;
  kind: KeyDateKind;
  /** An ISO date (`2028-08-27`) or instant. */
  date: string;
  title: string;
  /** How many working days before `date` to remind the partnership to re-mobilise. */
  remobiliseWorkingDaysBefore: number;
}

/** The fields a store's index keeps for listing without reading every incident. */
export type IncidentSummary = Pick<
  Incident,
  'id' | 'reference' | 'title' | 'occurredAt' | 'area' | 'category' | 'status' | 'createdAt' | 'updatedAt'
>;

export function summarise(incident: Incident): IncidentSummary {
  const { id, reference, title, occurredAt, area, category, status, createdAt, updatedAt } = incident;
  return { id, reference, title, occurredAt, area, category, status, createdAt, updatedAt };
}

const NEXT_STATUSES: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['initial-held', 'closed'],
  'initial-held': ['review-held', 'final-held', 'closed'],
  // Several review meetings may be held before the final one.
  'review-held': ['review-held', 'final-held', 'closed'],
  'final-held': ['closed'],
  closed: [],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** Moves an incident along its lifecycle; an impossible move is a coded error, never a crash. */
export function transition(incident: Incident, to: IncidentStatus): Incident {
  if (!canTransition(incident.status, to)) {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} is ${incident.status}; it cannot move to ${to}.` +
        (incident.status === 'closed' ? ' Reopen it first.' : ''),
    );
  }
  if (to === 'closed') return { ...incident, status: 'closed', statusBeforeClose: incident.status };
  return { ...incident, status: to };
}

/** Reopens a closed incident where it left off. */
export function reopen(incident: Incident): Incident {
  if (incident.status !== 'closed') {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} is not closed, so it cannot be reopened.`,
    );
  }
  const { statusBeforeClose, closedReason: _reason, ...rest } = incident;
  return { ...rest, status: statusBeforeClose ?? 'open' };
}

/** The status a held meeting of this kind moves the incident to, if any. */
export function statusAfterMeeting(kind: MeetingKind): IncidentStatus | undefined {
  switch (kind) {
    case 'initial':
      return 'initial-held';
    case 'review':
      return 'review-held';
    case 'final':
      return 'final-held';
    default:
      return undefined;
  }
}
