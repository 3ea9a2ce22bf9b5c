/**
 * The typed documents the export renderers take. They are deliberately flat and
 * pre-formatted (dates are already local text): the renderers make no decision
 * about time zones, wording or ordering, so the lead maps the domain (incidents,
 * meetings, actions) onto these shapes in one place and every format agrees.
 * Nothing here imports the domain, so export can be built and tested alone.
 */

/** Red / amber / green status of an action, as on the partnership action plans. */
export type Rag = 'red' | 'amber' | 'green';

/** What identifies the incident on every page of every export. */
export interface IncidentHeader {
  reference: string;
  title: string;
  area: string;
  /** When it happened, already formatted in local time (e.g. "Sat 15 Mar 2027, 22:40"). */
  occurred: string;
}

/** One numbered action, in the column shape of the partnership action plans. */
export interface ActionItem {
  /** "1.1", "2.3"… — the priority number then the action's place in it. */
  number: string;
  description: string;
  /** The agency or role accountable (the plan's "Lead" column). */
  lead: string;
  timescale: string;
  /** The latest progress update only; history belongs in the timeline. */
  progressUpdate: string;
  rag: Rag;
  /** A named person in the lead agency, when one has been assigned. */
  owner?: string;
  /** e.g. "Open", "Complete"; shown beside the progress update. */
  status?: string;
}

/** A priority heading ("PRIORITY 1. …") and the actions under it. */
export interface Priority {
  number: string;
  title: string;
  actions: ActionItem[];
}

export interface ActionPlanDocument {
  incident: IncidentHeader;
  /** When the plan was last reviewed, local text. */
  asAt: string;
  priorities: Priority[];
}

export interface MeetingHeader {
  /** e.g. "Initial Tactical Response Meeting", "Review meeting". */
  kind: string;
  /** Local text, e.g. "Mon 17 Mar 2027, 10:00–11:30". */
  when: string;
  chair: string;
  location?: string;
  minutedBy?: string;
}

/** Who came from one agency and who sent apologies. */
export interface AgencyAttendance {
  agency: string;
  present: string[];
  apologies: string[];
}

export interface ChecklistItemOutcome {
  text: string;
  done: boolean;
  assignedTo?: string;
  notes?: string;
  decisions?: string[];
}

/** One section of the toolkit checklist with what the meeting did about each item. */
export interface ChecklistSection {
  title: string;
  items: ChecklistItemOutcome[];
}

/** The Signs of Safety three columns and the 0–10 safety scale. */
export interface SignsOfSafety {
  worried: string[];
  workingWell: string[];
  needsToHappen: string[];
  /** 0 = certain harm will recur, 10 = safe enough to close; absent when not scaled. */
  scale?: { value: number; rationale?: string };
}

export interface MinutesDocument {
  incident: IncidentHeader;
  meeting: MeetingHeader;
  attendance: AgencyAttendance[];
  checklist: ChecklistSection[];
  signsOfSafety?: SignsOfSafety;
  decisions: string[];
  actionPlan: ActionPlanDocument;
  /** Who the minutes go to (attendees, List 1…), as the toolkit requires. */
  circulation?: string[];
}

/** Whether a toolkit milestone was met on time, late, or is still open. */
export type MilestoneOutcome = 'met' | 'late' | 'open';

export interface TimelineEntry {
  milestone: string;
  /** Local text. */
  due: string;
  /** Local text; absent while open. */
  done?: string;
  outcome: MilestoneOutcome;
}

export interface MeetingSummary {
  kind: string;
  when: string;
  chair: string;
  agencies: string[];
  decisions: string[];
}

export interface FinalReportDocument {
  incident: IncidentHeader;
  /** Further facts as label/value pairs (SIO, closed on, …) in display order. */
  facts: { label: string; value: string }[];
  preparedOn: string;
  timeline: TimelineEntry[];
  meetings: MeetingSummary[];
  actionPlan: ActionPlanDocument;
  lessons: string[];
}
