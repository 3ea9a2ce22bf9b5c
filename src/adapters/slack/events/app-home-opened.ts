/**
 * The App Home tab: "my incidents and deadlines", published each time the
 * person opens it, so it is never staler than their last look. Bolt acks
 * events before listeners run, so the look-ups here cost Slack nothing.
 */
import type { App } from '@slack/bolt';
import { homeCard } from '../../../app/cards/list-cards.js';
import { homeView } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';

export function registerAppHomeOpened(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    // The Messages tab fires this event too; only the Home tab shows the view.
    if (event.tab !== 'home') return;
    try {
      const person = await ctx.people.lookup(event.user);
      const card = await homeCard(ctx.deps, {
        actorId: person.actor.id,
        ...(person.email ? { email: person.email } : {}),
      });
      await client.views.publish({ user_id: event.user, view: homeView(card) });
    } catch (error) {
      ctx.logger.error('could not publish the Home tab', { error });
    }
  });
}
