/**
 * The platform-neutral content of every card Muster shows: the incident's
 * notification card, reminder cards, status, lists, the home view, notices.
 * Use cases build these from the domain; each platform renders them (Slack
 * as Block Kit, Teams and the console from the Adaptive Card templates in
 * cards/), so all platforms say the same thing. Times are pre-formatted in the
 * protocol's zone ("Thu 2 Sep 2027 15:00 BST") and also given as ISO.
 */
import type { MeetingKind } from '../../core/incident/incident.js';
import type { MilestoneState } from '../../core/protocol/timeline.js';
import type { ReminderKind } from '../../core/reminders/reminder.js';

/** What a button asks for. Platforms map each verb to their own action id and carry `value` back. */
export type CardVerb =
  | 'acknowledge'
  | 'record-meeting'
  | 'mark-done'
  | 'snooze'
  | 'open-incident'
  // An action's reminder card: answer it in the chat.
  | 'add-update'
  | 'mark-action-done'
  | 'snooze-action'
  // The meeting card and the in-channel checklist (issue 6).
  | 'start-meeting'
  | 'tick-item'
  | 'work-item'
  | 'record-attendance'
  | 'signs-of-safety'
  | 'end-meeting'
  // An incident action (or lesson) into the strategic plan, from the action list (issue 9).
  | 'promote-to-plan'
  // A strategic plan's quarterly update card (issue 9): names a plan and an action, no incident.
  | 'plan-update';

export interface CardAction {
  verb: CardVerb;
  label: string;
  /** Opaque to platforms: JSON the use case reads back (`{"reference":"SV-2027-0042","agencyId":"police"}`). */
  value: string;
  style?: 'primary' | 'danger';
}

export interface CardFact {
  label: string;
  value: string;
}

export interface TimelineRow {
  milestoneId: string;
  title: string;
  /** ISO-8601 with the local offset, or null while not scheduled. */
  due: string | null;
  dueText: string;
  state: MilestoneState;
  /** "met", "overdue by 3 hours", "due in 2 days", "after the initial meeting". */
  stateText: string;
}

export interface AgencyRow {
  agencyId: string;
  name: string;
  lists: (1 | 2)[];
  acknowledgedBy?: string;
  acknowledgedAtText?: string;
  /** The Acknowledge button while not yet acknowledged. */
  action?: CardAction;
}

/** The card posted and pinned in the incident's space; updated in place on every acknowledgement. */
export interface IncidentCard {
  kind: 'incident';
  reference: string;
  title: string;
  status: string;
  facts: CardFact[];
  timeline: TimelineRow[];
  agencies: AgencyRow[];
  acknowledged: number;
  /** "6 of 11 agencies have acknowledged". */
  acknowledgedText: string;
}

export interface ReminderCard {
  kind: 'reminder';
  reference: string;
  reminderKey: string;
  reminderKind: ReminderKind;
  milestoneId: string;
  milestoneTitle: string;
  /** "Initial Tactical Response Meeting due in 24 hours — SV-2027-0042". */
  headline: string;
  dueText: string;
  state: MilestoneState;
  /** Escalations go to the coordinators because a deadline was missed. */
  escalation: boolean;
  /** What the protocol says, quoted, so the reader knows what is expected. */
  description?: string;
  /** The meeting that meets this milestone, for the Record meeting button. */
  meetingKind?: MeetingKind;
  /** Set when the reminder is about an action of the plan rather than a protocol milestone. */
  action?: ActionReminderFacts;
  actions: CardAction[];
}

/**
 * What an action's reminder shows. It rides on the reminder card (same kind,
 * same delivery) so every platform's reminder renderer shows it with one
 * optional section rather than a second card type to route.
 */
export interface ActionReminderFacts {
  number: string;
  description: string;
  rag: 'red' | 'amber' | 'green';
  /** Lead agency, owner, RAG, latest update: label and value, ready to show. */
  facts: CardFact[];
}

/** A reminder card about an action (issue 6). */
export type ActionReminderCard = ReminderCard & { action: ActionReminderFacts };

export interface IncidentListRow {
  reference: string;
  title: string;
  area: string;
  status: string;
  next?: { title: string; dueText: string; stateText: string; state: MilestoneState };
}

export interface IncidentListCard {
  kind: 'incident-list';
  heading: string;
  rows: IncidentListRow[];
  emptyText: string;
}

/** "My incidents, my deadlines, my open actions": the Slack App Home, the console's start page. */
export interface HomeCard {
  kind: 'home';
  heading: string;
  incidents: IncidentListRow[];
  deadlines: (TimelineRow & { reference: string })[];
  emptyText: string;
  /** Open actions the person owns, across incidents, soonest due first. */
  actions: ActionRow[];
  actionsEmptyText: string;
}

/** One action of a plan as a row: `/incident actions`, the home view. */
export interface ActionRow {
  reference: string;
  /** `1.2` */
  number: string;
  /** "1. Community reassurance" */
  priority: string;
  description: string;
  /** The lead agency's name. */
  lead: string;
  owner: string;
  /** "Fri 30 Jul 2027" or the plan's timescale ("Ongoing"); "no date" when neither. */
  dueText: string;
  overdue: boolean;
  /** "open", "in progress", "done", "dropped". */
  status: string;
  rag: 'red' | 'amber' | 'green';
  /** "RED", "AMBER", "GREEN". */
  ragText: string;
  /** The latest progress update: "Tue 3 Aug 2027, Priya Shah: visited the school". */
  latestUpdate?: string;
  /** Add update (open actions only); Promote to plan on the list a coordinator is shown. */
  actions: CardAction[];
}

/** `/incident actions`: the incident's action plan as a table, possibly filtered. */
export interface ActionListCard {
  kind: 'action-list';
  reference: string;
  heading: string;
  /** "Filtered: lead agency Police, RAG red" when a filter was given. */
  filterText?: string;
  rows: ActionRow[];
  /** "2 red, 1 amber, 5 green" of the rows shown. */
  countsText: string;
  emptyText: string;
}

/** One entry of the incident's audit, as `/incident timeline` shows it. */
export interface TimelineEntry {
  at: string;
  /** "Thu 2 Sep 2027 15:04" in the protocol's zone. */
  atText: string;
  who: string;
  summary: string;
  type: string;
}

/** `/incident timeline`: every change to the incident, oldest first (the latest N when long). */
export interface TimelineCard {
  kind: 'timeline';
  reference: string;
  heading: string;
  entries: TimelineEntry[];
  /** "Showing the latest 50 of 212 entries; the minutes and final report carry them all." */
  moreText?: string;
}

/** A scheduled meeting, posted in the incident's space (the .ics invitation goes with it). */
export interface MeetingCard {
  kind: 'meeting';
  reference: string;
  meetingId: string;
  /** "Initial Tactical Response Meeting — SV-2027-0042" */
  heading: string;
  /** "Thu 2 Sep 2027 15:00 BST" */
  whenText: string;
  at: string;
  facts: CardFact[];
  /** Said when the time misses the protocol's deadline for this meeting. */
  warning?: string;
  /** Start meeting (run the checklist in the channel). */
  actions: CardAction[];
}

export interface ChecklistItemRow {
  sectionId: string;
  itemId: string;
  text: string;
  hint?: string;
  done: boolean;
  /** "Assigned to Priya Shah" / "Assigned to Children's Services". */
  assignedText?: string;
  notes: string[];
  decisions: string[];
  /** Tick / Untick, Work on it (assign, note, decision, make an action). Empty once the meeting ended. */
  actions: CardAction[];
}

export interface ChecklistSectionRow {
  id: string;
  title: string;
  /** "2 of 5 done" */
  doneText: string;
  items: ChecklistItemRow[];
}

/** The meeting being run in the channel: posted by `meeting start`, updated in place on every change. */
export interface ChecklistCard {
  kind: 'checklist';
  reference: string;
  meetingId: string;
  /** "Initial Tactical Response Meeting — SV-2027-0042" */
  heading: string;
  /** "Started 10:02 by Priya Shah" / "Ended 11:31: 12 of 45 items done, 9 present, 4 decisions". */
  statusText: string;
  ended: boolean;
  attendance: { agency: string; name: string; present: boolean }[];
  /** "9 present, 1 apologies" / "No attendance recorded yet." */
  attendanceText: string;
  sections: ChecklistSectionRow[];
  /** Review and final meetings (seed 000). */
  signsOfSafety?: {
    columns: { id: string; title: string; entries: string[] }[];
    /** "Scale: 6/10" / "Scale not set (0: not working, 10: can be closed)". */
    scaleText: string;
  };
  /** Record attendance, Signs of Safety (review/final), End meeting. Empty once ended. */
  actions: CardAction[];
}

/** A short message: DMs to List 1, the coordination channel, knock-on areas, missing contacts. */
export interface NoticeCard {
  kind: 'notice';
  reference?: string;
  headline: string;
  lines: string[];
  /** A link to the incident's space, where the platform has one. */
  spaceUrl?: string;
}

export interface HelpCard {
  kind: 'help';
  heading: string;
  commands: { usage: string; summary: string }[];
}

export type Card =
  | IncidentCard
  | ReminderCard
  | IncidentListCard
  | HomeCard
  | NoticeCard
  | HelpCard
  | ActionListCard
  | TimelineCard
  | MeetingCard
  | ChecklistCard;

/** Cards posted in an incident's space for everyone (and updated in place), besides the pinned incident card. */
export type SpaceCard = MeetingCard | ChecklistCard;
