/**
 * Rebuilds the incident's pinned card on a platform after a change
 * (acknowledgement, meeting, milestone), so the one message everyone watches
 * stays true. Nothing to do before the card was first posted.
 */
import type { ChatPlatform } from '../ports.js';
import { buildIncidentCard } from './cards/incident-card.js';
import type { DirectoryDeps } from './deps.js';
import { loadIncident, nowIn } from './incident-timeline.js';

export async function refreshIncidentCard(
  deps: DirectoryDeps & { platform: ChatPlatform },
  reference: string,
): Promise<boolean> {
  const incident = await loadIncident(deps.store, reference);
  const space = incident.spaces[deps.platform.name];
  if (!space?.spaceId || !space.spaceName || !space.cardRef) return false;
  const card = buildIncidentCard(deps.protocol, deps.directory, incident, nowIn(deps.clock, deps.protocol));
  await deps.platform.updateIncidentCard({ id: space.spaceId, name: space.spaceName }, space.cardRef, card);
  return true;
}
