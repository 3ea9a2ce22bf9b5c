/**
 * How plan rounds reach people. The use cases hand over a lead and a card;
 * each platform decides how to show it (Slack blocks with RAG buttons, a
 * Teams Adaptive Card, a console line). `noticeNotifier` is the portable
 * fallback every `ChatPlatform` already supports: a direct notice carrying
 * the typed answer.
 */
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import type { ChatPlatform } from '../../ports.js';
import type { PlanUpdateCard } from './plan-update-card.js';

export interface PlanNotifier {
  askForUpdate(lead: Actor, card: PlanUpdateCard): Promise<void>;
}

export function noticeNotifier(platforms: readonly ChatPlatform[], directory: Directory): PlanNotifier {
  return {
    async askForUpdate(lead, card) {
      const contact = directory.contacts.find((c) => c.id === lead.contactId);
      const recipients = contact ? { contacts: [contact], actors: [] } : { contacts: [], actors: [lead] };
      const notice = {
        kind: 'notice' as const,
        headline: `${card.chase ? 'Reminder: ' : ''}${card.quarter} update for action ${card.actionNumber} of ${card.planTitle}`,
        lines: [
          card.description,
          `Now ${card.rag.toUpperCase()}${card.latestUpdate ? `; last update: ${card.latestUpdate}` : ''}.`,
          `Please answer by ${card.deadline}: ${card.howToAnswer}`,
        ],
      };
      await Promise.all(platforms.map((p) => p.sendNotice({ kind: 'direct', recipients }, notice)));
    },
  };
}
