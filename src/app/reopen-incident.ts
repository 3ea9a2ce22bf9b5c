/**
 * Reopening a closed incident where it left off (a new development, a court
 * date). Its reminders are re-planned from the timeline as it stands now.
 */
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import { type Incident, reopen } from '../core/incident/incident.js';
import type { ProtocolDeps } from './deps.js';
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
