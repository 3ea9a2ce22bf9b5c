/**
 * A scheduled meeting in Block Kit, posted in the incident's channel with its
 * calendar invitation: what meeting, when, who chairs and who is invited, a
 * warning in bold when the time misses the protocol's deadline, and the
 * Start meeting button that puts the checklist in the channel.
 */
import type { MeetingCard } from '../../../app/cards/card-model.js';
import {
  actionsBlocks,
  type Block,
  escapeMrkdwn,
  fallbackText,
  fieldSections,
  fitBlocks,
  headerBlock,
  type SlackMessage,
  sectionBlock,
} from './block-kit.js';
import { actionButton } from './verb-actions.js';

export function meetingBlocks(card: MeetingCard): SlackMessage {
  const blocks: Block[] = [
    headerBlock(card.heading),
    sectionBlock(`📅 *${escapeMrkdwn(card.whenText)}*`),
    ...fieldSections(card.facts.map((f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)),
  ];
  if (card.warning) blocks.push(sectionBlock(`:warning: *${escapeMrkdwn(card.warning)}*`));
  blocks.push(...actionsBlocks(card.actions.map(actionButton)));
  const warning = card.warning ? ` ${card.warning}` : '';
  return { text: fallbackText(`${card.heading}: ${card.whenText}.${warning}`), blocks: fitBlocks(blocks) };
}
