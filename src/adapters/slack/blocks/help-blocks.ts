/**
 * `/incident help` in Block Kit: each command's usage as code and what it
 * does. Usages contain placeholders such as `<reference>`, which must be
 * escaped or Slack would read them as links.
 */
import type { HelpCard } from '../../../app/cards/card-model.js';
import {
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  headerBlock,
  type SlackMessage,
  sectionsFromLines,
} from './block-kit.js';

export function helpBlocks(card: HelpCard): SlackMessage {
  const lines = card.commands.map((c) => `\`${escapeMrkdwn(c.usage)}\` — ${escapeMrkdwn(c.summary)}`);
  return {
    text: fallbackText(card.heading),
    blocks: fitBlocks([headerBlock(card.heading), ...sectionsFromLines(lines)]),
  };
}
