/**
 * An agency acknowledging the incident notification. Acknowledgement is per
 * agency (whoever of its contacts presses the button); a second press changes
 * nothing and says who acknowledged first.
 */
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import type { Acknowledgement, Incident } from '../core/incident/incident.js';
import type { DirectoryDeps } from './deps.js';
import { loadIncident, nowIso } from './incident-timeline.js';
import { formatLocal } from './local-time.js';
import { actorSchema, invalidInput, parseInput, referenceSchema } from './validate-input.js';

export const acknowledgeInputSchema = z.object({
  reference: referenceSchema,
  agencyId: z.string().trim().min(1, 'say which agency acknowledges'),
  by: actorSchema,
});

export type AcknowledgeInput = z.input<typeof acknowledgeInputSchema>;

export interface AcknowledgeResult {
  incident: Incident;
  acknowledgement: Acknowledgement;
  /** True when the agency had already acknowledged: nothing changed. */
  alreadyAcknowledged: boolean;
  /** A sentence the platform can show as is. */
  message: string;
}

export async function acknowledgeNotification(
  deps: DirectoryDeps,
  input: AcknowledgeInput,
): Promise<AcknowledgeResult> {
  const form = parseInput(acknowledgeInputSchema, input);
  const before = await loadIncident(deps.store, form.reference);
  if (!before.notifications.some((n) => n.agencyId === form.agencyId)) {
    throw invalidInput([
      { path: 'agencyId', message: `"${form.agencyId}" was not notified of ${before.reference}` },
    ]);
  }
  const previous = before.acknowledgements.find((a) => a.agencyId === form.agencyId);
  if (previous) return already(deps, before, previous);

  const now = nowIso(deps.clock);
  const acknowledgement: Acknowledgement = { agencyId: form.agencyId, at: now, by: form.by as Actor };
  let raced: Acknowledgement | undefined;
  const updated = await deps.store.updateIncident(form.reference, (current) => {
    raced = current.acknowledgements.find((a) => a.agencyId === form.agencyId);
    if (raced) return { incident: current };
    return {
      incident: {
        ...current,
        acknowledgements: [...current.acknowledgements, acknowledgement],
        notifications: current.notifications.map((n) =>
          n.agencyId === form.agencyId && !n.acknowledgedAt
            ? { ...n, acknowledgedAt: now, acknowledgedBy: acknowledgement.by }
            : n,
        ),
        updatedAt: now,
      },
      events: [
        {
          at: now,
          actor: acknowledgement.by,
          type: 'notification.acknowledged',
          summary: `${form.agencyId} acknowledged the notification (${acknowledgement.by.name}).`,
          data: { agencyId: form.agencyId },
        },
      ],
    };
  });
  // Two presses at once: the store serialised them and the other one won.
  if (raced) return already(deps, updated, raced);
  return {
    incident: updated,
    acknowledgement,
    alreadyAcknowledged: false,
    message: `${agencyName(deps, form.agencyId)} acknowledged ${updated.reference}.`,
  };
}

function agencyName(deps: DirectoryDeps, id: string): string {
  return deps.directory.agencies.find((a) => a.id === id)?.name ?? id;
}

function already(deps: DirectoryDeps, incident: Incident, previous: Acknowledgement): AcknowledgeResult {
  return {
    incident,
    acknowledgement: previous,
    alreadyAcknowledged: true,
    message: `${agencyName(deps, previous.agencyId)} had already acknowledged ${incident.reference} (${previous.by.name}, ${formatLocal(previous.at, deps.protocol.calendar.zone)}); nothing changed.`,
  };
}
