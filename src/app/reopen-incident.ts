/**
 * Reopening a closed incident where it left off (a new development, a court
 * date). Its reminders are re-planned from the timeline as it stands now, and
 * the space archived at closing is brought back first, so the people told
 * "reopened" have somewhere to work.
 */
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import { type Incident, reopen } from '../core/incident/incident.js';
import type { ChatPlatform } from '../ports.js';
import type { ProtocolDeps, StoreDeps } from './deps.js';
import { loadIncident, nowIso } from './incident-timeline.js';
import { syncIncidentReminders } from './sync-incident-reminders.js';
import { actorSchema, parseInput, referenceSchema } from './validate-input.js';

export const reopenIncidentInputSchema = z.object({
  reference: referenceSchema,
  reason: z.string().trim().optional(),
  by: actorSchema,
});

export type ReopenIncidentInput = z.input<typeof reopenIncidentInputSchema>;

export async function reopenIncident(deps: ProtocolDeps, input: ReopenIncidentInput): Promise<Incident> {
  const form = parseInput(reopenIncidentInputSchema, input);
  await loadIncident(deps.store, form.reference);
  const now = nowIso(deps.clock);
  const updated = await deps.store.updateIncident(form.reference, (current) => {
    const reopened = reopen(current);
    return {
      incident: { ...reopened, updatedAt: now },
      events: [
        {
          at: now,
          actor: form.by as Actor,
          type: 'incident.reopened',
          summary: `${current.reference} reopened by ${form.by.name}${form.reason ? `: ${form.reason}` : ''}; back to ${reopened.status}.`,
          data: { to: reopened.status, ...(form.reason ? { reason: form.reason } : {}) },
        },
      ],
    };
  });
  await syncIncidentReminders(deps, updated);
  return updated;
}

/**
 * Brings the incident's space on this platform back from the archive and
 * forgets `archivedAt`; false when it was not archived. A platform refusal
 * throws, and nothing is recorded.
 */
export async function unarchiveIncidentSpace(
  deps: StoreDeps & { platform: ChatPlatform },
  reference: string,
  by: Actor,
): Promise<boolean> {
  const incident = await loadIncident(deps.store, reference);
  const name = deps.platform.name;
  const state = incident.spaces[name];
  if (!state?.spaceId || !state.archivedAt) return false;
  await deps.platform.unarchiveSpace({ id: state.spaceId, name: state.spaceName ?? state.spaceId });
  const now = nowIso(deps.clock);
  await deps.store.updateIncident(reference, (current) => {
    const { archivedAt: _archived, ...space } = current.spaces[name] ?? {};
    return {
      incident: { ...current, spaces: { ...current.spaces, [name]: space }, updatedAt: now },
      events: [
        {
          at: now,
          actor: by,
          type: 'space.unarchived',
          summary: `${state.spaceName ?? 'The incident’s space'} on ${name} brought back: ${reference} is being reopened.`,
          data: { platform: name, spaceId: state.spaceId },
        },
      ],
    };
  });
  return true;
}
