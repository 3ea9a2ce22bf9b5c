/**
 * A reminder card in Block Kit: what is due and when, what the protocol asks
 * for (quoted, so the reader need not look it up), and the buttons that settle
 * it; an action's reminder also shows the action, for its owner to answer
 * here. An escalation is marked as one, because it goes to people who were
 * not nudged before.
 */
import type { ReminderCard } from '../../../app/cards/card-model.js';
import { actionFactBlocks } from './action-reminder-blocks.js';
import {
  actionsBlocks,
  type Block,
  contextBlock,
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  headerBlock,
  LIMITS,
  type SlackMessage,
  sectionBlock,
  truncate,
} from './block-kit.js';
import { STATE_EMOJI } from './timeline-text.js';
import { actionButton } from './verb-actions.js';

export function reminderBlocks(card: ReminderCard): SlackMessage {
  const blocks: Block[] = [];
  if (card.escalation) blocks.push(headerBlock(`🚨 Escalation: ${card.milestoneTitle} missed`));
  const icon = card.escalation ? '🚨' : '⏰';
  blocks.push(
    sectionBlock(
      `${icon} *${escapeMrkdwn(card.headline)}*\n${STATE_EMOJI[card.state]} Due ${escapeMrkdwn(card.dueText)}`,
    ),
  );
  if (card.action) blocks.push(...actionFactBlocks(card.action));
  if (card.description) blocks.push(contextBlock(quote(card.description)));
  blocks.push(...actionsBlocks(card.actions.map(actionButton)));
  const prefix = card.escalation ? 'Escalation: ' : '';
  return { text: fallbackText(`${prefix}${card.headline}`), blocks: fitBlocks(blocks) };
}

/** A mrkdwn block quote; the text is escaped first, so the only `>` left are the quote marks. */
function quote(text: string): string {
  const body = truncate(text, LIMITS.contextText - 200);
  const lines = escapeMrkdwn(body).split('\n');
  return ['*The protocol says:*', ...lines.map((line) => `>${line}`)].join('\n');
}
