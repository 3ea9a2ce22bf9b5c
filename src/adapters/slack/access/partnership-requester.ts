/**
 * Who is asking, for the partnership's commands on Slack (`/plan`,
 * `/directory`), which name no incident: the person's actor (with their
 * directory contact id when Slack's id or email finds them) and what a
 * coordinator check needs. And the plan use cases' ports, with round cards
 * sent on Slack.
 */

import type { PlanRequester } from '../../../app/plans/plan-access.js';
import { cardNotifier } from '../../../app/plans/plan-notifier.js';
import type { PlanCommandDeps } from '../../../app/plans/run-plan-command.js';
import type { Actor } from '../../../core/actor.js';
import { findContactByEmail, findContactByPlatformId } from '../../../core/directory/directory.js';
import type { SlackContext } from '../slack-context.js';

export async function partnershipRequester(
  ctx: SlackContext,
  userId: string,
  userName?: string,
): Promise<{ by: Actor; requester: PlanRequester }> {
  const person = await ctx.people.lookup(userId, userName);
  const { directory } = ctx.deps;
  const contactId =
    findContactByPlatformId(directory, 'slack', userId)?.id ??
    (person.email ? findContactByEmail(directory, person.email)?.id : undefined);
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
