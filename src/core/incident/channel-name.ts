/**
 * What an incident's space (channel) is called on every platform. Built from
 * the reference and the area only: titles and descriptions may name people,
 * and a channel name is visible to everyone who can browse or search the
 * workspace.
 */
import type { Incident } from './incident.js';

const MAX_NAME = 80;

/** `SV-2027-0042` in `corby` → `sv-2027-0042-corby` (lower-case, digits, `-`; ≤ 80, Slack's limit). */
export function incidentChannelName(incident: Pick<Incident, 'reference' | 'area'>): string {
  const slug = `${incident.reference}-${incident.area}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_NAME).replace(/-+$/, '');
}
