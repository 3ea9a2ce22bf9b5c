/**
 * The one place a card's verb becomes a Slack action id (and back), and a
 * `CardAction` becomes a Block Kit button. Inbound handlers listen on the same
 * `ACTIONS` ids, so a button always has something that answers it.
 */
import type { types } from '@slack/bolt';
import type { CardAction, CardVerb } from '../../../app/cards/card-model.js';
import { ACTIONS } from '../ids.js';
import { LIMITS, plainText, truncate } from './block-kit.js';

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];

export const VERB_ACTIONS: Readonly<Record<CardVerb, ActionId>> = {
  acknowledge: ACTIONS.acknowledge,
  'record-meeting': ACTIONS.recordMeeting,
  'mark-done': ACTIONS.markDone,
  snooze: ACTIONS.snooze,
  'open-incident': ACTIONS.openIncident,
  'add-update': ACTIONS.addUpdate,
  'mark-action-done': ACTIONS.markActionDone,
  'snooze-action': ACTIONS.snoozeAction,
  'start-meeting': ACTIONS.startMeeting,
  // Slack ticks through the item form's Done field, so the checklist renders no Tick buttons;
  // the id stays so a card from another renderer still has something that answers it.
  'tick-item': ACTIONS.tickItem,
  'work-item': ACTIONS.workItem,
  'record-attendance': ACTIONS.recordAttendance,
  'signs-of-safety': ACTIONS.signsOfSafety,
  'end-meeting': ACTIONS.endMeeting,
  'promote-to-plan': ACTIONS.promoteToPlan,
  // Red, Amber and Green add their RAG to this id (plan-update-blocks.ts); PLAN_UPDATE_ACTIONS answers all four.
  'plan-update': ACTIONS.planUpdate,
};

const VERBS_BY_ACTION = new Map<string, CardVerb>(
  Object.entries(VERB_ACTIONS).map(([verb, actionId]) => [actionId, verb as CardVerb]),
);

/** The verb a pressed button stands for; `undefined` for an action id Muster never rendered. */
export function verbOfAction(actionId: string): CardVerb | undefined {
  return VERBS_BY_ACTION.get(actionId);
}

/**
 * A button carrying the action's value back unchanged. A value over Slack's
 * limit is a bug in the card builder, and truncating it would send back JSON
 * that no longer parses, so it is refused here instead.
 */
export function actionButton(action: CardAction): types.Button {
  if (action.value.length > LIMITS.buttonValue) {
    throw new Error(
      `button value for "${action.verb}" is ${action.value.length} characters; Slack allows 2000`,
    );
  }
  return {
    type: 'button',
    action_id: VERB_ACTIONS[action.verb],
    text: plainText(truncate(action.label, LIMITS.buttonText)),
    value: action.value,
    ...(action.style ? { style: action.style } : {}),
  };
}
