/**
 * `/incident` and its subcommands, and the `/plan` and `/directory`
 * commands. Each acks at once (Slack allows three seconds) and answers
 * afterwards: forms open in a modal, every other answer is ephemeral, seen
 * only by the person who asked. One Bolt listener answers all three, by the
 * command's name (listener-table.ts says why).
 */

import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseIncidentCommand } from '../../../app/commands/parse-incident-command.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { escapeMrkdwn } from '../blocks/index.js';
import { COMMAND } from '../ids.js';
import { ListenerTable } from '../listener-table.js';
import type { SlackContext } from '../slack-context.js';
import type { CommandListener, CommandRouter } from './command-router.js';
import { registerDirectoryCommand } from './directory-command.js';
import { runScopedCommand } from './incident-command.js';
import { helpReply, listReply } from './info-replies.js';
import { openNewIncidentForm } from './new-incident-command.js';
import { registerPlanCommand } from './plan-command.js';
import { statusReply } from './status-command.js';

export function registerCommands(app: App, ctx: SlackContext): void {
  const listeners = new ListenerTable<CommandListener>();
  const router: CommandRouter = { command: (name, listener) => listeners.add(name, listener) };
  registerIncidentCommand(router, ctx);
  registerPlanCommand(router, ctx);
  registerDirectoryCommand(router, ctx);
  // The names are Muster's own constants (`/incident`…): letters and a slash, nothing to escape.
  const names = new RegExp(`^(${listeners.ids().join('|')})$`);
  app.command(names, async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) =>
    listeners.get(args.command.command)?.(args),
  );
}

function registerIncidentCommand(app: CommandRouter, ctx: SlackContext): void {
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
}
