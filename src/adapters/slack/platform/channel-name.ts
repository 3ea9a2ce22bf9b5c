/**
 * What an incident's channel is called and says about itself. Built from the
 * reference and the area only: titles and descriptions may name people, and a
 * channel name is visible to everyone who can browse or search the workspace.
 */
import type { Incident } from '../../../core/incident/incident.js';

const MAX_NAME = 80;

/** `SV-2027-0042` in `corby` → `sv-2027-0042-corby` (Slack: lower-case, digits, `-`, `_`; ≤ 80). */
export function incidentChannelName(incident: Pick<Incident, 'reference' | 'area'>): string {
  const slug = `${incident.reference}-${incident.area}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_NAME).replace(/-+$/, '');
}

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
