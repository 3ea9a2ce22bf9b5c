/**
 * `/incident` and its subcommands. The listener acks at once (Slack allows
 * three seconds) and answers afterwards: forms open in a modal, every other
 * answer is ephemeral, seen only by the person who asked.
 */

import type { App } from '@slack/bolt';
import { parseIncidentCommand } from '../../../app/commands/parse-incident-command.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { escapeMrkdwn } from '../blocks/index.js';
import { COMMAND } from '../ids.js';
import type { SlackContext } from '../slack-context.js';
import { registerDirectoryCommand } from './directory-command.js';
import { runScopedCommand } from './incident-command.js';
import { helpReply, listReply } from './info-replies.js';
import { openNewIncidentForm } from './new-incident-command.js';
import { registerPlanCommand } from './plan-command.js';
import { statusReply } from './status-command.js';

export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, client, respond }) => {
    const parsed = parseIncidentCommand(command.text);
    // Help and misread words need nothing from the store, so they ride on the ack itself.
    if (parsed.kind === 'help' || parsed.kind === 'unknown') {
      await ack({
        response_type: 'ephemeral',
        ...helpReply(parsed.kind === 'unknown' ? parsed.word : undefined),
      });
      return;
    }
    if (parsed.kind === 'invalid') {
      // The problem quotes the person's own words, which must not become links or mentions.
      const text = `${escapeMrkdwn(parsed.problem)}. Usage: \`${escapeMrkdwn(parsed.usage)}\``;
      await ack({ response_type: 'ephemeral', text });
      return;
    }
    await ack();
    try {
      switch (parsed.kind) {
        case 'new':
          await openNewIncidentForm(ctx, command, client);
          return;
        case 'status':
          await respond({
            response_type: 'ephemeral',
            ...(await statusReply(ctx, command, client, parsed.reference)),
          });
          return;
        case 'list':
          await respond({ response_type: 'ephemeral', ...(await listReply(ctx)) });
          return;
        default:
          await runScopedCommand(ctx, command, parsed, client, respond);
          return;
      }
    } catch (error) {
      if (!isUserError(error)) ctx.logger.error('/incident failed', { subcommand: parsed.kind, error });
      await respond({ response_type: 'ephemeral', text: userMessage(error) });
    }
  });
  registerPlanCommand(app, ctx);
  registerDirectoryCommand(app, ctx);
}
