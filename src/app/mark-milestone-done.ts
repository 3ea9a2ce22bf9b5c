/**
 * Marking a milestone done by hand (minutes circulated, final report sent).
 * Milestones met by facts (the notification, a meeting) are not marked: the
 * fact is recorded instead, so the timeline cannot disagree with it.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../core/actor.js';
import type { Incident, MilestoneCompletion } from '../core/incident/incident.js';
import type { ProtocolDeps } from './deps.js';
import { loadIncident, nowIso } from './incident-timeline.js';
import { formatLocal } from './local-time.js';
import { syncIncidentReminders } from './sync-incident-reminders.js';
import { actorSchema, instantSchema, invalidInput, parseInput, referenceSchema } from './validate-input.js';

export const markMilestoneDoneInputSchema = z.object({
  reference: referenceSchema,
  milestoneId: z.string().trim().min(1, 'say which milestone'),
  by: actorSchema,
  /** When it was done; now if not given. */
  at: instantSchema.optional(),
  note: z.string().trim().max(500, 'keep the note under 500 characters').optional(),
});

export type MarkMilestoneDoneInput = z.input<typeof markMilestoneDoneInputSchema>;

export interface MarkedMilestone {
  incident: Incident;
  completion: MilestoneCompletion;
  /** True when the milestone was already done: nothing changed. */
  alreadyDone: boolean;
  /** What to tell the person who marked it. */
  message: string;
}

export async function markMilestoneDone(
  deps: ProtocolDeps,
  input: MarkMilestoneDoneInput,
): Promise<MarkedMilestone> {
  const form = parseInput(markMilestoneDoneInputSchema, input);
  const milestone = deps.protocol.milestones.find((m) => m.id === form.milestoneId);
  if (!milestone) {
    throw invalidInput([
      {
        path: 'milestoneId',
        message: `"${form.milestoneId}" is not a milestone of ${deps.protocol.name} (${deps.protocol.milestones.map((m) => m.id).join(', ')})`,
      },
    ]);
  }
  if (milestone.metBy.type !== 'manual') {
    const how =
      milestone.metBy.type === 'meeting'
        ? `record the ${milestone.metBy.meeting} meeting as held`
        : 'it is met when the incident is opened';
    throw invalidInput([
      { path: 'milestoneId', message: `"${milestone.title}" is not marked by hand: ${how}` },
    ]);
  }
  const now = nowIso(deps.clock);
  if (form.at && DateTime.fromISO(form.at) > DateTime.fromISO(now)) {
    throw invalidInput([{ path: 'at', message: 'is in the future; mark the milestone once it is done' }]);
  }

  const before = await loadIncident(deps.store, form.reference);
  const existing = before.completions[milestone.id];
  if (existing) {
    const when = formatLocal(existing.at, deps.protocol.calendar.zone);
    return {
      incident: before,
      completion: existing,
      alreadyDone: true,
      message: `That was already marked done (${existing.by.name}, ${when}); nothing changed.`,
    };
  }

  const completion: MilestoneCompletion = {
    at: form.at ?? now,
    by: form.by as Actor,
    ...(form.note ? { note: form.note } : {}),
  };
  const updated = await deps.store.updateIncident(form.reference, (current) => ({
    incident: {
      ...current,
      completions: { ...current.completions, [milestone.id]: completion },
      updatedAt: now,
    },
    events: [
      {
        at: now,
        actor: form.by as Actor,
        type: 'milestone.met',
        summary: `${milestone.title}: marked done by ${completion.by.name}.`,
        data: { milestoneId: milestone.id, doneAt: completion.at },
      },
    ],
  }));
  await syncIncidentReminders(deps, updated);
  return {
    incident: updated,
    completion,
    alreadyDone: false,
    message: `Marked done for ${updated.reference}. Thank you.`,
  };
}
