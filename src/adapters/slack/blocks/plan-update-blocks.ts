/**
 * A strategic plan's update card in Block Kit, sent to the action's lead by
 * direct message: the headline, the action, its RAG now, latest update and
 * deadline, then Red, Amber, Green and Update… (each opens the update form,
 * the RAG chosen), and the typed `/plan update` for anyone who prefers it.
 */
import type { types } from '@slack/bolt';
import { parsePlanButtonValue } from '../../../app/plans/plan-button-value.js';
import type { PlanUpdateCard } from '../../../app/plans/plan-update-card.js';
import {
  actionsBlocks,
  type Block,
  contextBlock,
  escapeMrkdwn,
  fallbackText,
  fieldSections,
  fitBlocks,
  type SlackMessage,
  sectionBlock,
} from './block-kit.js';
import { actionButton } from './verb-actions.js';

const RAG_EMOJI: Record<PlanUpdateCard['rag'], string> = { red: '🔴', amber: '🟠', green: '🟢' };

export function planUpdateBlocks(card: PlanUpdateCard): SlackMessage {
  const blocks: Block[] = [
    sectionBlock(`*${escapeMrkdwn(card.headline)}*`),
    sectionBlock(
      `${RAG_EMOJI[card.rag]} *Action ${escapeMrkdwn(card.actionNumber)}:* ${escapeMrkdwn(card.description)}`,
    ),
    ...fieldSections(card.facts.map((f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)),
    ...actionsBlocks(card.actions.map(planButton)),
    contextBlock(`Or type \`${escapeMrkdwn(card.howToAnswer)}\``),
  ];
  return { text: fallbackText(card.headline), blocks: fitBlocks(blocks) };
}

/** The card's button, its action id made unique in the block by the RAG it preselects. */
function planButton(action: PlanUpdateCard['actions'][number]): types.Button {
  const button = actionButton(action);
  const { rag } = parsePlanButtonValue(action.value);
  return rag ? { ...button, action_id: `${button.action_id}_${rag}` } : button;
}
