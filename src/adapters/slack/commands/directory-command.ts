/**
 * `/directory` on Slack: the agency directory, shown to anyone and edited by
 * coordinators (`app/directory/directory-command.ts`). Acks at once, runs the
 * use case, and opens the contact form in a modal (its submission goes to
 * the registered-form view) or answers the person alone.
 */
import { parseDirectoryCommand } from '../../../app/directory/directory-command.js';
import { runDirectoryCommand } from '../../../app/directory/run-directory-command.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { partnershipRequester } from '../access/partnership-requester.js';
import { openFormModal } from '../actions/open-form.js';
import { escapeMrkdwn } from '../blocks/index.js';
import { DIRECTORY_COMMAND } from '../ids.js';
import type { SlackContext } from '../slack-context.js';
import type { CommandRouter } from './command-router.js';

export function registerDirectoryCommand(app: CommandRouter, ctx: SlackContext): void {
  app.command(DIRECTORY_COMMAND, async ({ command, ack, client, respond }) => {
    const parsed = parseDirectoryCommand(command.text);
    await ack();
    try {
      const who = await partnershipRequester(ctx, command.user_id, command.user_name);
      const outcome = await runDirectoryCommand(
        { ...ctx.deps, platform: ctx.platform },
        { command: parsed, ...who },
      );
      if (outcome.form && !outcome.refused) {
        await openFormModal(client, { triggerId: command.trigger_id, userId: command.user_id }, outcome.form);
        return;
      }
      await respond({ response_type: 'ephemeral', text: escapeMrkdwn(outcome.message ?? 'Done.') });
    } catch (error) {
      if (!isUserError(error)) ctx.logger.error('/directory failed', { subcommand: parsed.kind, error });
      await respond({ response_type: 'ephemeral', text: userMessage(error) });
    }
  });
}
