/**
 * The incident's action plan, filtered the ways people ask for it: an agency's
 * actions, "my actions", everything red, everything still open.
 */
import { z } from 'zod';
import { ACTION_STATUSES, type Action, filterActions } from '../../core/actions/action.js';
import type { StoreDeps } from '../deps.js';
import { loadIncident } from '../incident-timeline.js';
import { parseInput, referenceSchema } from '../validate-input.js';
import { ragSchema } from './action-input.js';

export const actionFilterSchema = z.object({
  agency: z.string().trim().min(1).optional(),
  /** Actor id or directory contact id. */
  owner: z.string().trim().min(1).optional(),
  rag: ragSchema.optional(),
  status: z
    .union([z.enum(ACTION_STATUSES), z.array(z.enum(ACTION_STATUSES))], {
      error: `choose from ${ACTION_STATUSES.join(', ')}`,
    })
    .optional(),
});

export type ActionFilterInput = z.input<typeof actionFilterSchema>;

export async function listActions(
  deps: StoreDeps,
  reference: string,
  filter: ActionFilterInput = {},
): Promise<Action[]> {
  const form = parseInput(z.object({ reference: referenceSchema, filter: actionFilterSchema }), {
    reference,
    filter,
  });
  const incident = await loadIncident(deps.store, form.reference);
  return filterActions(incident.actions ?? [], form.filter);
}
