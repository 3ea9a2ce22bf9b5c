/**
 * The card buttons, one listener per action id from `ids.ts`. Each acks at
 * once and then hands its verb to `handlePress`, which runs the app's
 * `pressCardButton` (access check included) and renders the outcome. The
 * work-item id answers the checklist sections' selects as well as buttons.
 */
import type { App, BlockAction } from '@slack/bolt';
import { VERB_ACTIONS } from '../blocks/verb-actions.js';
import { PLAN_UPDATE_ACTIONS } from '../ids.js';
import type { SlackContext } from '../slack-context.js';
import { handlePress, type PressAction } from './button-press.js';
import { handlePlanPress } from './plan-button-press.js';

export function registerActions(app: App, ctx: SlackContext): void {
  for (const [verb, actionId] of Object.entries(VERB_ACTIONS) as [keyof typeof VERB_ACTIONS, string][]) {
    if (verb === 'plan-update') continue;
    app.action<BlockAction<PressAction>>({ type: 'block_actions', action_id: actionId }, (args) =>
      handlePress(ctx, args, verb),
    );
  }
  // A plan update card names a plan, not an incident: its four buttons have their own handler.
  app.action<BlockAction<PressAction>>({ type: 'block_actions', action_id: PLAN_UPDATE_ACTIONS }, (args) =>
    handlePlanPress(ctx, args),
  );
}
