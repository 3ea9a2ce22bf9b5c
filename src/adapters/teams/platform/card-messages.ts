/**
 * A Muster card as a Teams message: the Adaptive Card expanded from its
 * template in cards/ (the same file the console renders), attached to a
 * message whose summary is the card's fallback text, which Teams shows in
 * notifications and the chat list. No card JSON is built here.
 */
import type { Activity } from '@microsoft/agents-activity';
import { CardFactory } from '@microsoft/agents-hosting';
import { type AdaptiveCardJson, expandCard, type TemplatedCard } from '../../cards/card-templates.js';

export function cardJson(card: TemplatedCard, zone: string): AdaptiveCardJson {
  return expandCard(card, { zone });
}

export function cardMessage(card: TemplatedCard, zone: string): Partial<Activity> {
  return adaptiveCardMessage(cardJson(card, zone));
}

export function adaptiveCardMessage(json: AdaptiveCardJson): Partial<Activity> {
  const summary = typeof json.fallbackText === 'string' ? json.fallbackText : undefined;
  return {
    type: 'message',
    attachments: [CardFactory.adaptiveCard(json)],
    ...(summary ? { summary } : {}),
  };
}
