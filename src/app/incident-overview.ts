/**
 * Everything `incident show` (and later the channel's headline card) tells
 * about one incident: its facts, its timeline now, who has acknowledged and
 * the latest audit events.
 */
import type { IncidentEvent } from '../core/events/incident-event.js';
import type { Incident } from '../core/incident/incident.js';
import type { MilestoneStatus } from '../core/protocol/timeline.js';
import type { Reminder } from '../core/reminders/reminder.js';
import type { ProtocolDeps } from './deps.js';
import { incidentTimeline, loadIncident, nowIn } from './incident-timeline.js';
import { parseInput, referenceSchema } from './validate-input.js';

export interface AgencyAcknowledgement {
  agencyId: string;
  lists: (1 | 2)[];
  acknowledgedAt?: string;
  acknowledgedBy?: string;
}

export interface IncidentOverview {
  incident: Incident;
  timeline: MilestoneStatus[];
  agencies: AgencyAcknowledgement[];
  reminders: Reminder[];
  recentEvents: IncidentEvent[];
}

export async function getIncidentOverview(
  deps: ProtocolDeps,
  reference: string,
  options: { events?: number } = {},
): Promise<IncidentOverview> {
  const id = parseInput(referenceSchema, reference);
  const incident = await loadIncident(deps.store, id);
  const events = await deps.store.listEvents(id);
  return {
    incident,
    timeline: incidentTimeline(deps.protocol, incident, nowIn(deps.clock, deps.protocol)),
    agencies: agenciesOf(incident),
    reminders: await deps.store.listReminders(id),
    recentEvents: events.slice(-(options.events ?? 10)),
  };
}

function agenciesOf(incident: Incident): AgencyAcknowledgement[] {
  const byAgency = new Map<string, AgencyAcknowledgement>();
  for (const n of incident.notifications) {
    const entry = byAgency.get(n.agencyId) ?? { agencyId: n.agencyId, lists: [] };
    entry.lists = [...new Set([...entry.lists, ...n.lists])].sort();
    byAgency.set(n.agencyId, entry);
  }
  for (const ack of incident.acknowledgements) {
    const entry = byAgency.get(ack.agencyId);
    if (entry) {
      entry.acknowledgedAt = ack.at;
      entry.acknowledgedBy = ack.by.name;
    }
  }
  return [...byAgency.values()];
}
