/**
 * Closing an incident when the response is over. Unsent reminders stay in the
 * store: the reminder run sees the incident is closed and records why each
 * was not sent, and reopening picks them up again.
 */
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import { type Incident, transition } from '../core/incident/incident.js';
import type { StoreDeps } from './deps.js';
import { loadIncident, nowIso } from './incident-timeline.js';
import { actorSchema, parseInput, referenceSchema } from './validate-input.js';

export const closeIncidentInputSchema = z.object({
  reference: referenceSchema,
  reason: z
    .string({ error: 'say why the incident is closed' })
    .trim()
    .min(1, 'say why the incident is closed'),
  by: actorSchema,
});

export type CloseIncidentInput = z.input<typeof closeIncidentInputSchema>;

export async function closeIncident(deps: StoreDeps, input: CloseIncidentInput): Promise<Incident> {
  const form = parseInput(closeIncidentInputSchema, input);
  await loadIncident(deps.store, form.reference);
  const now = nowIso(deps.clock);
  return deps.store.updateIncident(form.reference, (current) => {
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
