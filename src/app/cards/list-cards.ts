/**
 * Lists: `/incident list` (open incidents with their next deadline), the home
 * view ("my incidents, my deadlines, my open actions") and `/incident help`.
 */
import { DateTime } from 'luxon';
import type { Action } from '../../core/actions/action.js';
import type { Incident } from '../../core/incident/incident.js';
import { nextDeadline } from '../../core/protocol/timeline.js';
import { USAGE } from '../commands/parse-incident-command.js';
import type { DirectoryDeps } from '../deps.js';
import { incidentTimeline, nowIn } from '../incident-timeline.js';
import { listIncidents } from '../list-incidents.js';
import { actionRow } from './action-rows.js';
import type { ActionRow, HelpCard, HomeCard, IncidentListCard, IncidentListRow } from './card-model.js';
import { STATUS_LABELS } from './incident-card.js';
import { timelineRow } from './timeline-rows.js';

const OPEN_STATUSES = ['open', 'initial-held', 'review-held', 'final-held'] as const;

export async function incidentListCard(deps: DirectoryDeps): Promise<IncidentListCard> {
  const now = nowIn(deps.clock, deps.protocol);
  const listings = await listIncidents(deps, { status: [...OPEN_STATUSES] });
  const rows: IncidentListRow[] = listings.map(({ summary, next }) => ({
    reference: summary.reference,
    title: summary.title,
    area: deps.directory.areas.find((a) => a.id === summary.area)?.name ?? summary.area,
    status: STATUS_LABELS[summary.status],
    ...(next ? { next: nextOf(timelineRow(next, now)) } : {}),
  }));
  return {
    kind: 'incident-list',
    heading: `Open incidents (${rows.length})`,
    rows,
    emptyText: 'No open incidents.',
  };
}

function nextOf(row: ReturnType<typeof timelineRow>): IncidentListRow['next'] {
  return { title: row.title, dueText: row.dueText, stateText: row.stateText, state: row.state };
}

/** Who is asking: an actor id (`slack:U123`) and, when known, their directory contact. */
export interface Person {
  actorId: string;
  contactId?: string;
  email?: string;
}

/**
 * A person's incidents are those they are the SIO or reporter of, were notified
 * about, coordinate the area of, or own an action in; their deadlines are those
 * incidents' open milestones, soonest first; their actions are the open and
 * in-progress actions they own across open incidents, soonest due first.
 */
export async function homeCard(deps: DirectoryDeps, person: Person): Promise<HomeCard> {
  const now = nowIn(deps.clock, deps.protocol);
  const email = person.email?.toLowerCase();
  const contactId =
    person.contactId ?? deps.directory.contacts.find((c) => email && c.email.toLowerCase() === email)?.id;
  const coordinated = new Set(
    deps.directory.areas.filter((a) => contactId && a.coordinators.includes(contactId)).map((a) => a.id),
  );
  const incidents: IncidentListRow[] = [];
  const deadlines: HomeCard['deadlines'] = [];
  const actions: { row: ActionRow; dueAt: number }[] = [];
  for (const summary of await deps.store.listIncidents({ status: [...OPEN_STATUSES] })) {
    const incident = await deps.store.getIncident(summary.id);
    if (!incident) continue;
    const owned = ownedOpenActions(incident, person.actorId, contactId);
    const mine =
      owned.length > 0 ||
      incident.sio.id === person.actorId ||
      incident.reportedBy.id === person.actorId ||
      coordinated.has(incident.area) ||
      (contactId !== undefined && incident.notifications.some((n) => n.contactId === contactId));
    if (!mine) continue;
    for (const action of owned) {
      actions.push({
        row: actionRow(deps.directory, incident.reference, action, now),
        dueAt: dueMillis(action, now.zoneName ?? deps.protocol.calendar.zone),
      });
    }
    const timeline = incidentTimeline(deps.protocol, incident, now);
    const next = nextDeadline(timeline);
    incidents.push({
      reference: incident.reference,
      title: incident.title,
      area: deps.directory.areas.find((a) => a.id === incident.area)?.name ?? incident.area,
      status: STATUS_LABELS[incident.status],
      ...(next ? { next: nextOf(timelineRow(next, now)) } : {}),
    });
    for (const status of timeline) {
      if (status.state === 'pending' || status.state === 'overdue') {
        deadlines.push({ ...timelineRow(status, now), reference: incident.reference });
      }
    }
  }
  deadlines.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
  actions.sort((a, b) => a.dueAt - b.dueAt);
  return {
    kind: 'home',
    heading: 'My incidents and deadlines',
    incidents,
    deadlines,
    emptyText: 'No open incidents involve you. Type /incident to report one.',
    actions: actions.map((a) => a.row),
    actionsEmptyText: 'You own no open actions.',
  };
}

/** Open and in-progress actions the person owns: by their platform id, or by their directory contact. */
function ownedOpenActions(incident: Incident, actorId: string, contactId: string | undefined): Action[] {
  return (incident.actions ?? []).filter(
    (a) =>
      (a.status === 'open' || a.status === 'in-progress') &&
      (a.owner.id === actorId || (contactId !== undefined && a.owner.contactId === contactId)),
  );
}

/** When an action falls due, to sort by (a bare date at the end of that day); undated actions last. */
function dueMillis(action: Action, zone: string): number {
  if (!action.due) return Number.POSITIVE_INFINITY;
  const due = /^\d{4}-\d{2}-\d{2}$/.test(action.due)
    ? DateTime.fromISO(action.due, { zone }).endOf('day')
    : DateTime.fromISO(action.due, { setZone: true });
  return due.isValid ? due.toMillis() : Number.POSITIVE_INFINITY;
}

export const COMMAND_HELP: HelpCard['commands'] = [
  {
    usage: '/incident',
    summary: 'report a serious violence incident: opens the notification form (same as /incident new)',
  },
  {
    usage: '/incident status [SV-YYYY-NNNN]',
    summary: 'the timeline and who has acknowledged (in an incident channel, that incident)',
  },
  { usage: '/incident list', summary: 'open incidents with their next deadline' },
  {
    usage: USAGE.meeting,
    summary: 'schedule a meeting (card and calendar invite), run its checklist in the channel, end it',
  },
  { usage: USAGE.action, summary: 'add an action to the plan: lead agency, owner, due date, RAG' },
  { usage: USAGE.update, summary: 'report progress on an action and set its RAG' },
  { usage: USAGE.actions, summary: 'the action plan as a table, filtered if you like' },
  {
    usage: USAGE.export,
    summary:
      'minutes or the final report (Word and Markdown) to the channel and List 1; the action plan (Excel and CSV) to the channel',
  },
  { usage: USAGE.keydate, summary: 'a court date, anniversary or memorial to re-mobilise the group before' },
  { usage: USAGE.close, summary: 'close the incident and archive its channel (SIO or coordinator)' },
  {
    usage: USAGE.reopen,
    summary: 'reopen a closed incident and bring its channel back (SIO or coordinator)',
  },
  { usage: USAGE.timeline, summary: 'every change to the incident: who did what, when' },
  { usage: '/incident help', summary: 'this list' },
  {
    usage: '/plan help',
    summary: 'the partnership’s strategic Serious Violence Duty plan: rounds, board report',
  },
  { usage: '/directory help', summary: 'the agencies, their lists and contacts (coordinators edit them)' },
];

const MAX_WORD = 30;

/**
 * `/incident help`; with the word a person typed that Muster does not know,
 * the same list headed "Unknown command "x". Muster commands:".
 */
export function helpCard(unknownWord?: string): HelpCard {
  const heading = 'Muster commands';
  if (unknownWord === undefined) return { kind: 'help', heading, commands: COMMAND_HELP };
  // The word is the person's own text: kept short so it cannot swamp the heading.
  const word = unknownWord.length > MAX_WORD ? `${unknownWord.slice(0, MAX_WORD - 1)}…` : unknownWord;
  return { kind: 'help', heading: `Unknown command "${word}". ${heading}:`, commands: COMMAND_HELP };
}
