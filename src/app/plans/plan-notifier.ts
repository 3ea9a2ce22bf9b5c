/**
 * How plan rounds reach people. The use cases hand over a lead and a card;
 * `cardNotifier` sends it to the lead's direct messages on every configured
 * platform (`ChatPlatform.askPlanUpdate`), where each shows it its own way:
 * Slack blocks with RAG buttons, a Teams Adaptive Card with the form on it,
 * console buttons opening the form. The card's `howToAnswer` keeps the typed
 * `/plan update` as the fallback.
 */
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import type { ChatPlatform, Recipients } from '../../ports.js';
import type { PlanUpdateCard } from './plan-update-card.js';

export interface PlanNotifier {
  askForUpdate(lead: Actor, card: PlanUpdateCard): Promise<void>;
}

/**
 * Every platform is tried, then the first failure rethrown, so one
 * platform's outage does not keep the card from the others.
 */
export function cardNotifier(platforms: readonly ChatPlatform[], directory: Directory): PlanNotifier {
  return {
    async askForUpdate(lead, card) {
      const contact = directory.contacts.find((c) => c.id === lead.contactId);
      const recipients: Recipients = contact
        ? { contacts: [contact], actors: [] }
        : { contacts: [], actors: [lead] };
      const results = await Promise.allSettled(platforms.map((p) => p.askPlanUpdate(recipients, card)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
