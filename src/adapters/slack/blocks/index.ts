/**
 * The Slack renderers' public surface: one function per card kind, and
 * `messageFor` for code that holds any card to show as a message.
 */
import type { Card, HomeCard, SpaceCard } from '../../../app/cards/card-model.js';
import { actionListBlocks } from './action-list-blocks.js';
import { auditTimelineBlocks } from './audit-timeline-blocks.js';
import { fallbackText, fitBlocks, type SlackMessage } from './block-kit.js';
import { checklistBlocks } from './checklist-blocks.js';
import { helpBlocks } from './help-blocks.js';
import { homeBlocks } from './home-blocks.js';
import { incidentBlocks } from './incident-blocks.js';
import { incidentListBlocks } from './incident-list-blocks.js';
import { meetingBlocks } from './meeting-blocks.js';
import { noticeBlocks } from './notice-blocks.js';
import { reminderBlocks } from './reminder-blocks.js';

export { actionListBlocks } from './action-list-blocks.js';
export { auditTimelineBlocks } from './audit-timeline-blocks.js';
export type { Block, SlackMessage } from './block-kit.js';
export { escapeMrkdwn, LIMITS } from './block-kit.js';
export { checklistBlocks } from './checklist-blocks.js';
export { helpBlocks } from './help-blocks.js';
export { homeView } from './home-blocks.js';
export { incidentBlocks } from './incident-blocks.js';
export { incidentListBlocks } from './incident-list-blocks.js';
export { chosenItemValue } from './item-select.js';
export { meetingBlocks } from './meeting-blocks.js';
export { noticeBlocks } from './notice-blocks.js';
export { reminderBlocks } from './reminder-blocks.js';
export { actionButton, VERB_ACTIONS, verbOfAction } from './verb-actions.js';

/** Every card but the Home view, which is a view (`views.publish`), not a message. */
export type MessageCard = Exclude<Card, HomeCard>;

export function messageFor(card: Card): SlackMessage {
  switch (card.kind) {
    case 'incident':
      return incidentBlocks(card);
    case 'reminder':
      return reminderBlocks(card);
    case 'notice':
      return noticeBlocks(card);
    case 'incident-list':
      return incidentListBlocks(card);
    case 'help':
      return helpBlocks(card);
    case 'action-list':
      return actionListBlocks(card);
    case 'timeline':
      return auditTimelineBlocks(card);
    case 'meeting':
    case 'checklist':
      return spaceCardMessage(card);
    case 'home':
      // Shown as a message only when a command answers with it; a message holds half a view's blocks.
      return { text: fallbackText(card.heading), blocks: fitBlocks(homeBlocks(card)) };
  }
}

/** The cards posted in an incident's channel for everyone. */
export function spaceCardMessage(card: SpaceCard): SlackMessage {
  return card.kind === 'meeting' ? meetingBlocks(card) : checklistBlocks(card);
}
