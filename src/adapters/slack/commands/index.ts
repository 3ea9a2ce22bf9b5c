/**
 * `/incident` and its subcommands. The listener acks at once (Slack allows
 * three seconds) and answers afterwards: the form opens in a modal, every
 * other answer is ephemeral, seen only by the person who asked.
 */

import type { App } from '@slack/bolt';
import { parseIncidentCommand } from '../../../app/commands/parse-incident-command.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { COMMAND } from '../ids.js';
import type { SlackContext } from '../slack-context.js';
import { helpReply, listReply } from './info-replies.js';
import { openNewIncidentForm } from './new-incident-command.js';
import { statusReply } from './status-command.js';

export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, client, respond }) => {
    const parsed = parseIncidentCommand(command.text);
    // Help needs nothing from the store, so it rides on the ack itself.
    if (parsed.kind === 'help' || parsed.kind === 'unknown') {
      await ack({
        response_type: 'ephemeral',
        ...helpReply(parsed.kind === 'unknown' ? parsed.word : undefined),
      });
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
      }
    } catch (error) {
      if (!isUserError(error)) ctx.logger.error('/incident failed', { subcommand: parsed.kind, error });
      await respond({ response_type: 'ephemeral', text: userMessage(error) });
    }
  });
}
