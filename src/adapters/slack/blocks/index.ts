/**
 * The Slack renderers' public surface: one function per card kind, and
 * `messageFor` for code that holds any message card.
 */
import type { Card, HomeCard } from '../../../app/cards/card-model.js';
import type { SlackMessage } from './block-kit.js';
import { helpBlocks } from './help-blocks.js';
import { incidentBlocks } from './incident-blocks.js';
import { incidentListBlocks } from './incident-list-blocks.js';
import { noticeBlocks } from './notice-blocks.js';
import { reminderBlocks } from './reminder-blocks.js';

export type { Block, SlackMessage } from './block-kit.js';
export { escapeMrkdwn, LIMITS } from './block-kit.js';
export { helpBlocks } from './help-blocks.js';
export { homeView } from './home-blocks.js';
export { incidentBlocks } from './incident-blocks.js';
export { incidentListBlocks } from './incident-list-blocks.js';
export { noticeBlocks } from './notice-blocks.js';
export { reminderBlocks } from './reminder-blocks.js';
export { actionButton, VERB_ACTIONS, verbOfAction } from './verb-actions.js';

/** Every card but the Home view, which is a view (`views.publish`), not a message. */
export type MessageCard = Exclude<Card, HomeCard>;

export function messageFor(card: MessageCard): SlackMessage {
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
  }
}
