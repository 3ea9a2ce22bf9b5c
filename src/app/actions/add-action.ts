/**
 * Adding an action to the incident's plan. Numbering is automatic under the
 * priority (1.1, 1.2, 2.1, seed 004); a new priority needs its title, a known
 * one keeps the title it has. The lead agency must be in the directory so
 * filters and exports group actions by a real agency.
 */
import { z } from 'zod';
import { type Action, nextActionNumber } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import type { DirectoryDeps } from '../deps.js';
import { agencyName, checkAgency } from '../directory-agencies.js';
import { loadIncident, nowIso } from '../incident-timeline.js';
import { syncIncidentReminders } from '../sync-incident-reminders.js';
import { actorSchema, invalidInput, parseInput, referenceSchema } from '../validate-input.js';
import { checkNotClosed, dueSchema, ragSchema } from './action-input.js';

export const addActionInputSchema = z.object({
  reference: referenceSchema,
  priority: z.object({
    number: z.number({ error: 'give the priority number' }).int('a whole number').min(1, 'from 1'),
    title: z
      .string()
      .trim()
      .min(1, 'give the priority a title')
      .max(200, 'keep it under 200 characters')
      .optional(),
  }),
  description: z
    .string({ error: 'describe the action' })
    .trim()
    .min(1, 'describe the action')
    .max(1000, 'keep it under 1000 characters'),
  leadAgency: z.string({ error: 'name the lead agency' }).trim().min(1, 'name the lead agency'),
  owner: actorSchema,
  due: dueSchema.optional(),
  timescale: z.string().trim().min(1, 'leave the timescale out or say it').max(200).optional(),
  rag: ragSchema.optional(),
  milestones: z.array(z.string().trim().min(1, 'a milestone needs words')).default([]),
  by: actorSchema,
  from: z
    .object({
      kind: z.enum(['checklist-item', 'decision']),
      ref: z.string().trim().min(1),
    })
    .optional(),
});

export type AddActionInput = z.input<typeof addActionInputSchema>;

export interface AddedAction {
  incident: Incident;
  action: Action;
}

export async function addAction(deps: DirectoryDeps, input: AddActionInput): Promise<AddedAction> {
  const form = parseInput(addActionInputSchema, input);
  checkAgency(deps.directory, form.leadAgency, 'leadAgency');
  await loadIncident(deps.store, form.reference);
  const now = nowIso(deps.clock);
  let added: Action | undefined;

  const incident = await deps.store.updateIncident(form.reference, (current) => {
    checkNotClosed(current);
    const actions = current.actions ?? [];
    const known = actions.find((a) => a.priority.number === form.priority.number)?.priority;
    if (!known && !form.priority.title) {
      throw invalidInput([
        { path: 'priority.title', message: `priority ${form.priority.number} is new: give it a title` },
      ]);
    }
    if (known && form.priority.title && form.priority.title !== known.title) {
      throw invalidInput([
        {
          path: 'priority.title',
          message: `priority ${known.number} is "${known.title}"; leave the title out to add to it`,
        },
      ]);
    }
    const number = nextActionNumber(actions, form.priority.number);
    const action: Action = {
      id: `action-${number}`,
      number,
      priority: known ?? { number: form.priority.number, title: form.priority.title! },
      description: form.description,
      leadAgency: form.leadAgency,
      owner: form.owner as Actor,
      ...(form.timescale ? { timescale: form.timescale } : {}),
      ...(form.due ? { due: form.due } : {}),
      milestones: form.milestones,
      status: 'open',
      // A new action is on track until someone says otherwise.
      rag: form.rag ?? 'green',
      updates: [],
      ...(form.from ? { createdFrom: form.from } : {}),
      createdBy: form.by as Actor,
      createdAt: now,
    };
    added = action;
    return {
      incident: { ...current, actions: [...actions, action], updatedAt: now },
      events: [
        {
          at: now,
          actor: form.by as Actor,
          type: 'action.added',
          summary: `Action ${number} added: ${action.description} (lead ${agencyName(deps.directory, action.leadAgency)}, owner ${action.owner.name}, ${action.rag.toUpperCase()}).`,
          data: {
            actionNumber: number,
            leadAgency: action.leadAgency,
            ownerId: action.owner.id,
            rag: action.rag,
            ...(action.due ? { due: action.due } : {}),
            ...(action.createdFrom ? { createdFrom: action.createdFrom } : {}),
          },
        },
      ],
    };
  });
  // A due date means reminders for the owner (issue 6).
  await syncIncidentReminders(deps, incident);
  return { incident, action: added! };
}
