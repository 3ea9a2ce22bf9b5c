/**
 * `/incident status`, on any platform: the incident card as it stands now,
 * for the person who asked. In an incident's own space it is that space's
 * incident (and the person, being in it, may see it); elsewhere the reference
 * must be given, and then only the incident's members and coordinators see it.
 */
import { ErrorCode, MusterError } from '../core/errors.js';
import type { Incident } from '../core/incident/incident.js';
import { parseReference } from '../core/incident/reference.js';
import type { Store } from '../ports.js';
import { checkAccess, type PendingRequester } from './access.js';
import type { IncidentCard } from './cards/card-model.js';
import { incidentStatusCard } from './cards/incident-card.js';
import type { DirectoryDeps } from './deps.js';
import { loadIncident } from './incident-timeline.js';
import { parseInput, referenceSchema } from './validate-input.js';

export interface StatusRequest {
  /** The platform's name, which keys `incident.spaces`. */
  platform: string;
  /** Where the command was typed. */
  spaceId?: string;
  /** That space's name, when known: incident spaces are named after the reference, which saves a scan. */
  spaceName?: string;
  reference?: string;
  /** Who asked; a function when finding out costs a platform call, which is made only if needed. */
  requester: PendingRequester | (() => Promise<PendingRequester>);
}

export type StatusAnswer = { card: IncidentCard } | { refused: string };

export async function statusFor(deps: DirectoryDeps, request: StatusRequest): Promise<StatusAnswer> {
  const { platform, spaceId } = request;
  const incident = request.reference
    ? await loadIncident(deps.store, parseInput(referenceSchema, request.reference))
    : spaceId
      ? await incidentInSpace(deps.store, platform, spaceId, request.spaceName)
      : undefined;
  if (!incident) {
    throw new MusterError(
      ErrorCode.NotFound,
      'This is not an incident channel. Run /incident status SV-2027-0042 with the reference, or /incident list to see them.',
    );
  }
  // Asked in its own space, the person is a member; anywhere else, check.
  if (!isIn(incident, platform, spaceId)) {
    const requester = typeof request.requester === 'function' ? await request.requester() : request.requester;
    const access = await checkAccess(deps.directory, incident, requester, deps.coordinators);
    if (!access.allowed) return { refused: access.reason };
  }
  return { card: await incidentStatusCard(deps, incident.reference) };
}

const REFERENCE_IN_NAME = /sv-\d{4}-\d{4,}/i;

const isIn = (incident: Incident | undefined, platform: string, spaceId: string | undefined) =>
  spaceId !== undefined && incident?.spaces[platform]?.spaceId === spaceId;

/**
 * The incident whose space on `platform` this is. Spaces are named after the
 * reference, so the name is tried first (one read); the scan over every
 * incident is the fallback for a space someone renamed.
 */
export async function incidentInSpace(
  store: Store,
  platform: string,
  spaceId: string,
  spaceName?: string,
): Promise<Incident | undefined> {
  const named = REFERENCE_IN_NAME.exec(spaceName ?? '')?.[0];
  if (named && parseReference(named)) {
    const incident = await store.getIncident(named.toUpperCase());
    if (isIn(incident, platform, spaceId)) return incident;
  }
  for (const summary of await store.listIncidents()) {
    const incident = await store.getIncident(summary.id);
    if (isIn(incident, platform, spaceId)) return incident;
  }
  return undefined;
}
