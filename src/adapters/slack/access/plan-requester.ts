/**
 * Who is asking, for the strategic plan's use cases on Slack: the person's
 * actor (with their directory contact id when Slack's id or email finds
 * them) and what a coordinator check needs. And the plan use cases' ports,
 * with round cards sent on Slack.
 */
import type { Actor } from '../../../core/actor.js';
import { findContactByPlatformId } from '../../../core/directory/directory.js';
import type { PlanRequester } from '../../../app/plans/plan-access.js';
import { cardNotifier } from '../../../app/plans/plan-notifier.js';
import type { PlanCommandDeps } from '../../../app/plans/run-plan-command.js';
import type { SlackContext } from '../slack-context.js';

export async function planRequester(
  ctx: SlackContext,
  userId: string,
  userName?: string,
): Promise<{ by: Actor; requester: PlanRequester }> {
  const person = await ctx.people.lookup(userId, userName);
  const email = person.email?.toLowerCase();
  const contactId =
    findContactByPlatformId(ctx.deps.directory, 'slack', userId)?.id ??
    ctx.deps.directory.contacts.find((c) => email !== undefined && c.email.toLowerCase() === email)?.id;
  return {
    by: contactId ? { ...person.actor, contactId } : person.actor,
    requester: {
      ...(contactId ? { contactId } : {}),
      ...(person.email ? { email: person.email } : {}),
    },
  };
}

export function planDeps(ctx: SlackContext): PlanCommandDeps {
  return { ...ctx.deps, platform: ctx.platform, notifier: cardNotifier([ctx.platform], ctx.deps.directory) };
}
