/**
 * The App Home tab: "my incidents", "my deadlines" and "my open actions",
 * soonest first as the card gives them, each action with its Add update
 * button. A Home view may hold 100 blocks, twice a message's.
 */
import type { types } from '@slack/bolt';
import type { HomeCard } from '../../../app/cards/card-model.js';
import { actionRowBlocks } from './action-list-blocks.js';
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

/** Actions shown with their buttons; more would crowd out the rest of the tab. */
const MAX_HOME_ACTIONS = 30;

export function homeView(card: HomeCard): types.HomeView {
  return { type: 'home', blocks: fitBlocks(homeBlocks(card), LIMITS.homeBlocks) };
}

/** The view's blocks, before the block limit of wherever they are shown is applied. */
export function homeBlocks(card: HomeCard): Block[] {
  const blocks: Block[] = [headerBlock(card.heading)];
  const { actions } = card;
  if (card.incidents.length === 0 && card.deadlines.length === 0 && actions.length === 0) {
    blocks.push(sectionBlock(`_${escapeMrkdwn(card.emptyText)}_`));
    return blocks;
  }
  blocks.push(sectionBlock('*Your incidents*'), ...incidentRowSections(card.incidents, card.emptyText));
  blocks.push(dividerBlock(), sectionBlock('*Your deadlines*'));
  if (card.deadlines.length === 0) blocks.push(sectionBlock('_No open deadlines._'));
  else {
    blocks.push(
      ...sectionsFromLines(card.deadlines.map((d) => `*${escapeMrkdwn(d.reference)}* ${timelineLine(d)}`)),
    );
  }
  blocks.push(dividerBlock(), sectionBlock('*Your open actions*'));
  if (actions.length === 0) blocks.push(sectionBlock(`_${escapeMrkdwn(card.actionsEmptyText)}_`));
  else {
    blocks.push(
      ...actionRowBlocks(actions, {
        max: MAX_HOME_ACTIONS,
        showReference: true,
        more: (n) => `…and ${n} more: /incident actions owner:me in each incident's channel lists them.`,
      }),
    );
  }
  return blocks;
}
