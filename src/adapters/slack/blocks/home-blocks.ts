/**
 * The App Home tab: "my incidents" and "my deadlines", soonest first as the
 * card gives them. A Home view may hold 100 blocks, twice a message's.
 */
import type { types } from '@slack/bolt';
import type { HomeCard } from '../../../app/cards/card-model.js';
import {
  type Block,
  dividerBlock,
  escapeMrkdwn,
  fitBlocks,
  headerBlock,
  LIMITS,
  sectionBlock,
  sectionsFromLines,
} from './block-kit.js';
import { incidentRowSections } from './incident-list-blocks.js';
import { timelineLine } from './timeline-text.js';

export function homeView(card: HomeCard): types.HomeView {
  const blocks: Block[] = [headerBlock(card.heading)];
  if (card.incidents.length === 0 && card.deadlines.length === 0) {
    blocks.push(sectionBlock(`_${escapeMrkdwn(card.emptyText)}_`));
    return { type: 'home', blocks };
  }
  blocks.push(sectionBlock('*Your incidents*'), ...incidentRowSections(card.incidents, card.emptyText));
  blocks.push(dividerBlock(), sectionBlock('*Your deadlines*'));
  if (card.deadlines.length === 0) blocks.push(sectionBlock('_No open deadlines._'));
  else {
    blocks.push(
      ...sectionsFromLines(card.deadlines.map((d) => `*${escapeMrkdwn(d.reference)}* ${timelineLine(d)}`)),
    );
  }
  return { type: 'home', blocks: fitBlocks(blocks, LIMITS.homeBlocks) };
}
