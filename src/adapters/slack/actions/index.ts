/**
 * The card buttons, one listener per action id from `ids.ts`. Each acks at
 * once and then hands its verb to `handlePress`, which runs the app's
 * `pressCardButton` (access check included) and renders the outcome. The
 * work-item id answers the checklist sections' selects as well as buttons.
 */
import type { App, BlockAction } from '@slack/bolt';
import { VERB_ACTIONS } from '../blocks/verb-actions.js';
import type { SlackContext } from '../slack-context.js';
import { handlePress, type PressAction } from './button-press.js';

export function registerActions(app: App, ctx: SlackContext): void {
  for (const [verb, actionId] of Object.entries(VERB_ACTIONS) as [keyof typeof VERB_ACTIONS, string][]) {
    app.action<BlockAction<PressAction>>({ type: 'block_actions', action_id: actionId }, (args) =>
      handlePress(ctx, args, verb),
    );
  }
}
