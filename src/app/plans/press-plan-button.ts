/**
 * A plan update card's button pressed, on any platform: Red, Amber or Green
 * opens the update form with that RAG chosen, Update… with the RAG as it is.
 * The card names a plan, not an incident, so this is not `pressCardButton`:
 * the rule is the plan's (the action's lead or a CSP coordinator), checked
 * before the form opens so nobody fills in a form that will be refused; the
 * form's submission checks it again. Nothing changes until the form is sent.
 */
import type { Actor } from '../../core/actor.js';
import { ErrorCode, isMusterError } from '../../core/errors.js';
import type { PendingRequester } from '../access.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { planAction, planAnswerer, planUpdateForm } from '../forms/plan-update-form.js';
import { requireLeadOrCoordinator } from './plan-access.js';
import { parsePlanButtonValue } from './plan-button-value.js';

export interface PlanButtonPress {
  /** The button's value, as the card put it (`planButtonValue`). */
  value: string | undefined;
  by: Actor;
  requester: Pick<PendingRequester, 'contactId' | 'email'>;
}

export async function pressPlanButton(deps: CommandDeps, press: PlanButtonPress): Promise<CommandOutcome> {
  const value = parsePlanButtonValue(press.value);
  const { plan, action } = await planAction(deps, value);
  const who = planAnswerer(deps.directory, press.by, press.requester);
  try {
    requireLeadOrCoordinator(deps.directory, action, who.by, who.requester, deps.coordinators);
  } catch (error) {
    if (isMusterError(error, ErrorCode.InvalidInput)) return { refused: true, message: error.message };
    throw error;
  }
  return { form: planUpdateForm(deps, plan, action, value.rag) };
}
