/**
 * What an incident's Slack channel says about itself (its name is the
 * domain's rule, `incidentChannelName` in core/incident). Built from the
 * reference and the area only: a channel's purpose and topic are visible to
 * everyone who can browse or search the workspace.
 */
import type { Incident } from '../../../core/incident/incident.js';

/** `east-northants` → `East Northants`: the area id is all the adapter has, and it is not personal. */
export function areaLabel(area: string): string {
  return area
    .split(/[-_\s]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** Slack allows 250 characters; this stays well under for any reference and area. */
export function channelPurpose(incident: Pick<Incident, 'reference' | 'area'>): string {
  return (
    `Muster: multi-agency response to ${incident.reference} (${areaLabel(incident.area)}). ` +
    'Private: no names of victims or suspects.'
  ).slice(0, 250);
}

export function channelTopic(incident: Pick<Incident, 'reference'>): string {
  return `${incident.reference}: deadlines and acknowledgements are on the pinned card.`;
}
