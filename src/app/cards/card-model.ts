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
  | 'snooze-action';

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

/** "My incidents, my deadlines": the Slack App Home, the console's start page. */
export interface HomeCard {
  kind: 'home';
  heading: string;
  incidents: IncidentListRow[];
  deadlines: (TimelineRow & { reference: string })[];
  emptyText: string;
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

export type Card = IncidentCard | ReminderCard | IncidentListCard | HomeCard | NoticeCard | HelpCard;
