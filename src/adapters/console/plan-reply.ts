/**
 * `/plan …` typed in the console's composer: the strategic plan commands of
 * `app/plans/plan-command.ts`, answered to the person alone in the channel
 * they typed in. Leads asked in a round get the plan update card in their DMs; the
 * board report lands in the person's direct messages. `/plan import` takes the
 * files attached in the composer: their count and sizes are checked from the
 * encoding before anything is decoded, then the use case checks the rest.
 */
import { checkImportFiles } from '../../app/plans/import-plan.js';
import { parsePlanCommand } from '../../app/plans/plan-command.js';
import { cardNotifier } from '../../app/plans/plan-notifier.js';
import { runPlanCommand } from '../../app/plans/run-plan-command.js';
import { type AttachedFile, attachedSizes, decodeFiles } from './attached-files.js';
import type { ConsolePerson } from './console-access.js';
import { type ConsoleContext, replyTo, replyWithError } from './console-context.js';
import type { ConsoleChannel, ConsoleMessage } from './console-model.js';
import { commandDeps } from './outcome-reply.js';

export const PLAN_COMMAND = '/plan';

/** True for the one composer command that takes attached files: `/plan import …`. */
export function takesFiles(name: string, words: string): boolean {
  return name.toLowerCase() === PLAN_COMMAND && parsePlanCommand(words).kind === 'import';
}

export async function planReply(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  text: string,
  attached: readonly AttachedFile[] = [],
): Promise<ConsoleMessage> {
  const command = parsePlanCommand(text);
  try {
    if (command.kind === 'import') checkImportFiles(attachedSizes(attached));
    const outcome = await runPlanCommand(
      { ...commandDeps(ctx), notifier: cardNotifier([ctx.platform], ctx.deps.directory) },
      {
        command,
        by: person.actor,
        requester: { contactId: person.contact.id, email: person.contact.email },
        ...(command.kind === 'import' ? { files: decodeFiles(attached) } : {}),
      },
    );
    return replyTo(ctx, person, channel.id, { text: outcome.message });
  } catch (error) {
    return replyWithError(ctx, person, channel.id, error, `/plan ${command.kind}`);
  }
}
