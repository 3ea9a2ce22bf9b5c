/**
 * Who may run the partnership's strategic plan from chat: CSP coordinators
 * import it, start rounds and export board reports; an action's lead (or a
 * coordinator) answers for that action. Coordinators are the directory's and
 * the configured ones (`configured`: MUSTER_COORDINATORS and the members of
 * MUSTER_COORDINATOR_GROUPS), matched by the asker's actor id. Refusals say
 * who to ask.
 */
import type { Action } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import { isCoordinator } from '../access.js';

export interface PlanRequester {
  contactId?: string;
  email?: string;
}

export function requireCoordinator(
  directory: Directory,
  by: Actor,
  who: PlanRequester,
  what: string,
  configured: readonly string[] = [],
): void {
  if (isCoordinator(directory, { ...who, actorId: by.id }, configured)) return;
  throw new MusterError(
    ErrorCode.InvalidInput,
    `Only CSP coordinators can ${what}, so nothing was changed. Ask your coordinator to do it.`,
    [{ path: 'requester', message: 'not a coordinator' }],
  );
}

export function requireLeadOrCoordinator(
  directory: Directory,
  action: Action,
  by: Actor,
  who: PlanRequester,
  configured: readonly string[] = [],
): void {
  const isLead =
    by.id === action.owner.id || (by.contactId !== undefined && by.contactId === action.owner.contactId);
  if (isLead || isCoordinator(directory, { ...who, actorId: by.id }, configured)) return;
  throw new MusterError(
    ErrorCode.InvalidInput,
    `Only ${action.owner.name} (the lead for ${action.number}) or a CSP coordinator can update it, so nothing was changed.`,
    [{ path: 'actionNumber', message: 'not the lead of this action' }],
  );
}
