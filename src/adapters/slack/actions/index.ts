/**
 * The card buttons, one listener per action id from `ids.ts`. Each acks at
 * once and then runs its work through `handlePress`, which checks the
 * presser may act on the incident.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from '../ids.js';
import type { SlackContext } from '../slack-context.js';
import { acknowledgeWork } from './acknowledge-action.js';
import { handlePress, type PressWork } from './button-press.js';
import { recordMeetingWork } from './meeting-action.js';
import { markDoneWork, snoozeWork } from './milestone-actions.js';
import { openIncidentWork } from './open-incident-action.js';

export function registerActions(app: App, ctx: SlackContext): void {
  const button = (actionId: string, work: PressWork) =>
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: actionId }, (args) =>
      handlePress(ctx, args, work),
    );
  button(ACTIONS.acknowledge, acknowledgeWork(ctx));
  button(ACTIONS.recordMeeting, recordMeetingWork(ctx));
  button(ACTIONS.markDone, markDoneWork(ctx));
  button(ACTIONS.snooze, snoozeWork(ctx));
  button(ACTIONS.openIncident, openIncidentWork(ctx));
}
