/**
 * `/plan …` typed in the console's composer: the strategic plan commands of
 * `app/plans/plan-command.ts`, answered to the person alone in the channel
 * they typed in. Leads asked in a round get the plan update card in their DMs; the
 * board report lands in the person's direct messages. Files cannot be typed
 * into the composer, so a plan is imported with the CLI (`muster plan import`).
 */
import { parsePlanCommand } from '../../app/plans/plan-command.js';
import { cardNotifier } from '../../app/plans/plan-notifier.js';
import { runPlanCommand } from '../../app/plans/run-plan-command.js';
import type { ConsolePerson } from './console-access.js';
import { type ConsoleContext, replyTo, replyWithError } from './console-context.js';
import type { ConsoleChannel, ConsoleMessage } from './console-model.js';
import { commandDeps } from './outcome-reply.js';

export const PLAN_COMMAND = '/plan';

export async function planReply(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  text: string,
): Promise<ConsoleMessage> {
  const command = parsePlanCommand(text);
  if (command.kind === 'import') {
    return replyTo(ctx, person, channel.id, {
      text: `The console cannot take an uploaded file. Import the plan from a terminal: npm run cli -- plan import ${command.planId} <file.csv|file.xlsx>`,
    });
  }
  try {
    const outcome = await runPlanCommand(
      { ...commandDeps(ctx), notifier: cardNotifier([ctx.platform], ctx.deps.directory) },
      { command, by: person.actor, requester: { contactId: person.contact.id, email: person.contact.email } },
    );
    return replyTo(ctx, person, channel.id, { text: outcome.message });
  } catch (error) {
    return replyWithError(ctx, person, channel.id, error, `/plan ${command.kind}`);
  }
}
