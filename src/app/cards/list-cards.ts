/**
 * Lists: `/incident list` (open incidents with their next deadline), the home
 * view ("my incidents, my deadlines") and `/incident help`.
 */
import { nextDeadline } from '../../core/protocol/timeline.js';
import type { DirectoryDeps } from '../deps.js';
import { incidentTimeline, nowIn } from '../incident-timeline.js';
import { listIncidents } from '../list-incidents.js';
import type { HelpCard, HomeCard, IncidentListCard, IncidentListRow } from './card-model.js';
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
 * about, or coordinate the area of; their deadlines are those incidents' open
 * milestones, soonest first.
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
  for (const summary of await deps.store.listIncidents({ status: [...OPEN_STATUSES] })) {
    const incident = await deps.store.getIncident(summary.id);
    if (!incident) continue;
    const mine =
      incident.sio.id === person.actorId ||
      incident.reportedBy.id === person.actorId ||
      coordinated.has(incident.area) ||
      (contactId !== undefined && incident.notifications.some((n) => n.contactId === contactId));
    if (!mine) continue;
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
  return {
    kind: 'home',
    heading: 'My incidents and deadlines',
    incidents,
    deadlines,
    emptyText: 'No open incidents involve you. Type /incident to report one.',
  };
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
  { usage: '/incident help', summary: 'this list' },
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
