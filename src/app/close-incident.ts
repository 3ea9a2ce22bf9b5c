/**
 * Closing an incident when the response is over, and what closing allows:
 * only the incident's SIO or a CSP coordinator may close (or reopen) it, a
 * refusal is audited, and the incident's space is archived once it is closed
 * (it stays readable; exports then go to the person who asks). Unsent
 * reminders stay in the store: the reminder run sees the incident is closed
 * and records why each was not sent, and reopening picks them up again.
 */
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import type { Directory } from '../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../core/errors.js';
import { type Incident, transition } from '../core/incident/incident.js';
import { openRecord } from '../core/meetings/meeting-record.js';
import type { ChatPlatform } from '../ports.js';
import { type AccessDecision, isCoordinator } from './access.js';
import type { DirectoryDeps, StoreDeps } from './deps.js';
import { loadIncident, nowIso } from './incident-timeline.js';
import { actorSchema, parseInput, referenceSchema } from './validate-input.js';

export const CLOSE_REASON_MAX = 500;

export const closeIncidentInputSchema = z.object({
  reference: referenceSchema,
  reason: z
    .string({ error: 'say why the incident is closed' })
    .trim()
    .min(1, 'say why the incident is closed')
    .max(CLOSE_REASON_MAX, `keep the reason under ${CLOSE_REASON_MAX} characters`),
  by: actorSchema,
});

export type CloseIncidentInput = z.input<typeof closeIncidentInputSchema>;

export async function closeIncident(deps: StoreDeps, input: CloseIncidentInput): Promise<Incident> {
  const form = parseInput(closeIncidentInputSchema, input);
  await loadIncident(deps.store, form.reference);
  const now = nowIso(deps.clock);
  return deps.store.updateIncident(form.reference, (current) => {
    refuseWhileMeetingRuns(current);
    const closed = transition(current, 'closed');
    return {
      incident: { ...closed, closedReason: form.reason, updatedAt: now },
      events: [
        {
          at: now,
          actor: form.by as Actor,
          type: 'incident.closed',
          summary: `${current.reference} closed by ${form.by.name}: ${form.reason}`,
          data: { from: current.status, reason: form.reason },
        },
      ],
    };
  });
}

/**
 * A meeting still running has minutes to be written and a milestone to be
 * met by ending it; closing under it would lose both, so it is refused.
 */
export function refuseWhileMeetingRuns(incident: Incident): void {
  const running = openRecord(incident.meetingRecords ?? []);
  if (!running) return;
  throw new MusterError(
    ErrorCode.InvalidTransition,
    `The ${running.kind} meeting of ${incident.reference} is still running, so the incident was not closed. End it first (/incident meeting end), then close.`,
  );
}

/** What the platform knows of the person asking (their directory contact, their email). */
export interface CloserIdentity {
  by: Actor;
  contactId?: string;
  email?: string;
}

export type CloseAsk = 'close' | 'reopen';

/**
 * The incident's SIO (by platform id, or by their directory contact) or a CSP
 * coordinator (`configured`: MUSTER_COORDINATORS' platform ids).
 */
export function mayCloseIncident(
  directory: Directory,
  incident: Incident,
  who: CloserIdentity,
  configured: readonly string[] = [],
): boolean {
  const contactId = who.contactId ?? who.by.contactId;
  const known = { ...(contactId ? { contactId } : {}), ...(who.email ? { email: who.email } : {}) };
  if (who.by.id === incident.sio.id || isCoordinator(directory, { ...known, actorId: who.by.id }, configured))
    return true;
  const sioContact = incident.sio.contactId
    ? directory.contacts.find((c) => c.id === incident.sio.contactId)
    : undefined;
  if (!sioContact) return false;
  return (
    contactId === sioContact.id ||
    (who.email !== undefined && who.email.toLowerCase() === sioContact.email.toLowerCase())
  );
}

/**
 * `mayCloseIncident`, with a refusal that says who can and is recorded in the
 * incident's audit (the incident itself does not change).
 */
export async function checkCloseRole(
  deps: Pick<DirectoryDeps, 'store' | 'clock' | 'directory' | 'coordinators'>,
  incident: Incident,
  who: CloserIdentity,
  asked: CloseAsk,
): Promise<AccessDecision> {
  if (mayCloseIncident(deps.directory, incident, who, deps.coordinators)) return { allowed: true };
  const area = deps.directory.areas.find((a) => a.id === incident.area);
  const coordinators = deps.directory.contacts
    .filter((c) => area?.coordinators.includes(c.id))
    .map((c) => c.name);
  const askWho = [incident.sio.name, ...coordinators].join(' or ');
  await deps.store.appendEvents(incident.reference, [
    {
      at: nowIso(deps.clock),
      actor: who.by,
      type: 'access.refused',
      summary: `${who.by.name} asked to ${asked} ${incident.reference}; only the SIO or a CSP coordinator can.`,
      data: { asked, ...(who.contactId ? { contactId: who.contactId } : {}) },
    },
  ]);
  return {
    allowed: false,
    reason: `Only the SIO (${incident.sio.name}) or a CSP coordinator can ${asked} ${incident.reference}, so nothing was changed. Ask ${askWho} to do it.`,
  };
}

/** `no-space`: the incident has no space on this platform; `failed`: the platform refused. */
export type ArchiveOutcome = 'archived' | 'no-space' | 'failed';

/**
 * Archives the incident's space on this platform once it is closed and
 * records when. A platform refusal is an outcome, not an error: the incident
 * stays closed either way, and the person is told.
 */
export async function archiveIncidentSpace(
  deps: StoreDeps & { platform: ChatPlatform },
  reference: string,
  by: Actor,
): Promise<ArchiveOutcome> {
  const incident = await loadIncident(deps.store, reference);
  const name = deps.platform.name;
  const state = incident.spaces[name];
  if (!state?.spaceId) return 'no-space';
  if (state.archivedAt) return 'archived';
  try {
    await deps.platform.archiveSpace({ id: state.spaceId, name: state.spaceName ?? state.spaceId });
  } catch {
    return 'failed';
  }
  const now = nowIso(deps.clock);
  await deps.store.updateIncident(reference, (current) => ({
    incident: {
      ...current,
      spaces: { ...current.spaces, [name]: { ...current.spaces[name], archivedAt: now } },
      updatedAt: now,
    },
    events: [
      {
        at: now,
        actor: by,
        type: 'space.archived',
        summary: `${state.spaceName ?? 'The incident’s space'} on ${name} archived: ${reference} is closed.`,
        data: { platform: name, spaceId: state.spaceId },
      },
    ],
  }));
  return 'archived';
}
