/**
 * `/incident timeline` in Block Kit: every change to the incident, oldest
 * first, one line each (when, who, what), packed into as few sections as
 * Slack's 3000 characters allow, and a note when only the latest are shown.
 */
import type { TimelineCard, TimelineEntry } from '../../../app/cards/card-model.js';
import {
  type Block,
  contextBlock,
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  headerBlock,
  type SlackMessage,
  sectionBlock,
  sectionsFromLines,
} from './block-kit.js';

export function auditTimelineBlocks(card: TimelineCard): SlackMessage {
  const blocks: Block[] = [headerBlock(card.heading)];
  if (card.moreText) blocks.push(contextBlock(escapeMrkdwn(card.moreText)));
  if (card.entries.length === 0) blocks.push(sectionBlock('_Nothing has been recorded yet._'));
  else blocks.push(...sectionsFromLines(card.entries.map(entryLine)));
  return { text: fallbackText(card.heading), blocks: fitBlocks(blocks) };
}

/** `*Thu 2 Sep 2027 15:04* · Priya Shah — Meeting scheduled` */
function entryLine(entry: TimelineEntry): string {
  return `*${escapeMrkdwn(entry.atText)}* · ${escapeMrkdwn(entry.who)} — ${escapeMrkdwn(entry.summary)}`;
}
