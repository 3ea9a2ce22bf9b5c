/**
 * A notice in Block Kit: a bold headline and its lines, with a link to the
 * incident's channel where there is one. Notices go to DMs and the
 * coordination channel, so they carry only what the card was given.
 */
import type { NoticeCard } from '../../../app/cards/card-model.js';
import {
  type Block,
  contextBlock,
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  type SlackMessage,
  sectionsFromLines,
} from './block-kit.js';

export function noticeBlocks(card: NoticeCard): SlackMessage {
  const blocks: Block[] = sectionsFromLines([
    `*${escapeMrkdwn(card.headline)}*`,
    ...card.lines.map((line) => escapeMrkdwn(line)),
  ]);
  const footer: string[] = [];
  if (card.reference) footer.push(escapeMrkdwn(card.reference));
  if (card.spaceUrl) footer.push(`<${safeUrl(card.spaceUrl)}|Open the incident channel>`);
  if (footer.length > 0) blocks.push(contextBlock(footer.join(' · ')));
  return { text: fallbackText(card.headline), blocks: fitBlocks(blocks) };
}

/** In `<url|label>`, a `|` or `>` in the URL would end it early; percent-encode them. */
function safeUrl(url: string): string {
  return url.replace(/[|<> ]/g, (c) => encodeURIComponent(c));
}
