/**
 * The incident list with each incident's next deadline, for `incidents list`
 * and later the coordinators' home views.
 */
import type { IncidentStatus, IncidentSummary } from '../core/incident/incident.js';
import { type MilestoneStatus, nextDeadline } from '../core/protocol/timeline.js';
import type { ProtocolDeps } from './deps.js';
import { incidentTimeline, nowIn } from './incident-timeline.js';

export interface IncidentListing {
  summary: IncidentSummary;
  /** The earliest pending or overdue milestone with a due date; none for closed incidents. */
  next?: MilestoneStatus;
}

export async function listIncidents(
  deps: ProtocolDeps,
  filter: { status?: IncidentStatus[] } = {},
): Promise<IncidentListing[]> {
  const now = nowIn(deps.clock, deps.protocol);
  const summaries = await deps.store.listIncidents(filter.status ? { status: filter.status } : undefined);
  const listings: IncidentListing[] = [];
  for (const summary of summaries) {
    if (summary.status === 'closed') {
      listings.push({ summary });
      continue;
    }
    const incident = await deps.store.getIncident(summary.id);
    const next = incident ? nextDeadline(incidentTimeline(deps.protocol, incident, now)) : undefined;
    listings.push(next ? { summary, next } : { summary });
  }
  return listings;
}
