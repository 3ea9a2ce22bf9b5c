/**
 * The incident's notification card (seed 000's notification form, as facts),
 * its protocol timeline and one Acknowledge button per notified agency. It is
 * posted and pinned in the incident's space and rebuilt after every change.
 */
import type { DateTime } from 'luxon';
import type { Directory } from '../../core/directory/directory-schema.js';
import type { Incident, IncidentCategory, Weapon } from '../../core/incident/incident.js';
import type { Protocol } from '../../core/protocol/protocol-schema.js';
import type { DirectoryDeps } from '../deps.js';
import { loadIncident, nowIn } from '../incident-timeline.js';
import { formatLocal } from '../local-time.js';
import { parseInput, referenceSchema } from '../validate-input.js';
import { actionValue } from './action-value.js';
import type { AgencyRow, CardFact, IncidentCard } from './card-model.js';
import { timelineRows } from './timeline-rows.js';

export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  'gold-group': 'Gold group (police critical incident)',
  'incident-of-note': 'Incident of note (CSP-led)',
};

export const WEAPON_LABELS: Record<Weapon, string> = {
  knife: 'Knife or sharp object',
  firearm: 'Firearm',
  other: 'Other weapon',
  none: 'No weapon',
  unknown: 'Not known yet',
};

export const STATUS_LABELS: Record<Incident['status'], string> = {
  open: 'Open: initial meeting to arrange',
  'initial-held': 'Initial meeting held',
  'review-held': 'Review meeting held',
  'final-held': 'Final meeting held',
  closed: 'Closed',
};

function areaName(directory: Directory, id: string): string {
  return directory.areas.find((a) => a.id === id)?.name ?? id;
}

function facts(incident: Incident, directory: Directory, zone: string): CardFact[] {
  const list: CardFact[] = [
    { label: 'When', value: formatLocal(incident.occurredAt, zone) },
    { label: 'CSP area', value: areaName(directory, incident.area) },
    { label: 'Location', value: incident.location },
    { label: 'Category', value: CATEGORY_LABELS[incident.category] },
    { label: 'Weapon', value: WEAPON_LABELS[incident.weapon] },
    { label: 'SIO', value: incident.sio.name },
    { label: 'Reported by', value: incident.reportedBy.name },
  ];
  if (incident.knockOnAreas.length > 0) {
    list.push({
      label: 'Knock-on areas',
      value: incident.knockOnAreas.map((a) => areaName(directory, a)).join(', '),
    });
  }
  list.push({ label: 'What happened', value: incident.description });
  return list;
}

function agencies(incident: Incident, directory: Directory, zone: string): AgencyRow[] {
  const rows = new Map<string, AgencyRow>();
  for (const n of incident.notifications) {
    const row = rows.get(n.agencyId) ?? {
      agencyId: n.agencyId,
      name: directory.agencies.find((a) => a.id === n.agencyId)?.name ?? n.agencyId,
      lists: [],
    };
    row.lists = [...new Set([...row.lists, ...n.lists])].sort();
    rows.set(n.agencyId, row);
  }
  for (const row of rows.values()) {
    const ack = incident.acknowledgements.find((a) => a.agencyId === row.agencyId);
    if (ack) {
      row.acknowledgedBy = ack.by.name;
      row.acknowledgedAtText = formatLocal(ack.at, zone);
    } else if (incident.status !== 'closed') {
      row.action = {
        verb: 'acknowledge',
        label: `Acknowledge for ${row.name}`.slice(0, 75),
        value: actionValue({ reference: incident.reference, agencyId: row.agencyId }),
        style: 'primary',
      };
    }
  }
  return [...rows.values()];
}

export function buildIncidentCard(
  protocol: Protocol,
  directory: Directory,
  incident: Incident,
  now: DateTime,
): IncidentCard {
  const zone = protocol.calendar.zone;
  const rows = agencies(incident, directory, zone);
  const acknowledged = rows.filter((r) => r.acknowledgedBy).length;
  return {
    kind: 'incident',
    reference: incident.reference,
    title: incident.title,
    status: STATUS_LABELS[incident.status],
    facts: facts(incident, directory, zone),
    timeline: timelineRows(protocol, incident, now),
    agencies: rows,
    acknowledged,
    acknowledgedText: `${acknowledged} of ${rows.length} ${rows.length === 1 ? 'agency has' : 'agencies have'} acknowledged`,
  };
}

/** `/incident status`: the same card, for one incident, as it stands now. */
export async function incidentStatusCard(deps: DirectoryDeps, reference: string): Promise<IncidentCard> {
  const incident = await loadIncident(deps.store, parseInput(referenceSchema, reference));
  return buildIncidentCard(deps.protocol, deps.directory, incident, nowIn(deps.clock, deps.protocol));
}
