/**
 * `/directory …` typed in the console's composer: the agency directory of
 * `app/directory/directory-command.ts`, shown to anyone and edited by
 * coordinators. The contact form opens in the dialog (and is submitted as a
 * registered form); every other answer goes to the person alone in the
 * channel they typed in.
 */
import { parseDirectoryCommand } from '../../app/directory/directory-command.js';
import { runDirectoryCommand } from '../../app/directory/run-directory-command.js';
import type { ConsolePerson } from './console-access.js';
import { type ConsoleContext, replyWithError } from './console-context.js';
import type { ConsoleChannel } from './console-model.js';
import { commandDeps, renderOutcome, type SubmitAnswer } from './outcome-reply.js';

export const DIRECTORY_COMMAND = '/directory';

export async function directoryReply(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  text: string,
): Promise<SubmitAnswer> {
  const command = parseDirectoryCommand(text);
  try {
    const outcome = await runDirectoryCommand(commandDeps(ctx), {
      command,
      by: person.actor,
      requester: { contactId: person.contact.id, email: person.contact.email },
    });
    return await renderOutcome(ctx, person, channel, outcome);
  } catch (error) {
    return {
      ok: false,
      reply: await replyWithError(ctx, person, channel.id, error, `/directory ${command.kind}`),
    };
  }
}
