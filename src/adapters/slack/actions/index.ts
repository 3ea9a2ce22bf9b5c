/**
 * Every button and menu on Muster's Slack messages, answered by one listener
 * that routes by action id: a card verb's press goes to `handlePress`, a
 * plan update card's four buttons (they name a plan, not an incident) to
 * `handlePlanPress`. One listener rather than one per verb, because Bolt runs
 * every registered listener's matching on every request, so each one more
 * adds to the time before any ack.
 */
import type { App, BlockAction } from '@slack/bolt';
import { verbOfAction } from '../blocks/verb-actions.js';
import { ACTION_PREFIX, PLAN_UPDATE_ACTIONS } from '../ids.js';
import type { SlackContext } from '../slack-context.js';
import { handlePress, type PressAction } from './button-press.js';
import { handlePlanPress } from './plan-button-press.js';

const MUSTER_ACTION = new RegExp(`^${ACTION_PREFIX}`);

export function registerActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<PressAction>>({ type: 'block_actions', action_id: MUSTER_ACTION }, async (args) => {
    const actionId = args.action.action_id;
    if (PLAN_UPDATE_ACTIONS.test(actionId)) return handlePlanPress(ctx, args);
    const verb = verbOfAction(actionId);
    if (verb && verb !== 'plan-update') return handlePress(ctx, args, verb);
    // An id Muster does not render (an old message's): nothing to do, but Slack still wants its ack.
    await args.ack();
    ctx.logger.info('a Slack action Muster does not know was ignored', { actionId });
  });
}
