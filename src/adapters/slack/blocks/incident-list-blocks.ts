/**
 * `/incident list` in Block Kit: one short paragraph per incident (reference,
 * title, area, status and its next deadline). Paragraphs share sections, so a
 * long list costs few blocks.
 */
import type { IncidentListCard, IncidentListRow } from '../../../app/cards/card-model.js';
import {
  type Block,
  escapeMrkdwn,
  fallbackText,
  fitBlocks,
  headerBlock,
  type SlackMessage,
  sectionBlock,
  sectionsFromLines,
} from './block-kit.js';
import { STATE_EMOJI } from './timeline-text.js';

export function incidentListBlocks(card: IncidentListCard): SlackMessage {
  const blocks: Block[] = [headerBlock(card.heading), ...incidentRowSections(card.rows, card.emptyText)];
  return { text: fallbackText(card.heading), blocks: fitBlocks(blocks) };
}

/** Shared with the App Home, which lists "my incidents" the same way. */
export function incidentRowSections(rows: IncidentListRow[], emptyText: string): Block[] {
  if (rows.length === 0) return [sectionBlock(`_${escapeMrkdwn(emptyText)}_`)];
  return sectionsFromLines(rows.map(incidentRowText), '\n\n');
}

export function incidentRowText(row: IncidentListRow): string {
  const lines = [
    `*${escapeMrkdwn(row.reference)}* · ${escapeMrkdwn(row.title)}`,
    `${escapeMrkdwn(row.area)} · ${escapeMrkdwn(row.status)}`,
  ];
  if (row.next) {
    const { title, dueText, stateText, state } = row.next;
    lines.push(
      `Next: ${STATE_EMOJI[state]} ${escapeMrkdwn(title)} — ${escapeMrkdwn(dueText)} · _${escapeMrkdwn(stateText)}_`,
    );
  }
  return lines.join('\n');
}
