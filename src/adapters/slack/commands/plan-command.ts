/**
 * `/plan` on Slack: the strategic plan commands (`app/plans/plan-command.ts`).
 * Acks at once, runs the use case, answers the person alone. Leads asked in
 * a round get the plan update card by direct message (`askPlanUpdate`). A slash
 * command cannot carry a file, so `/plan import` points to the CLI import.
 */
import type { App } from '@slack/bolt';
import { parsePlanCommand } from '../../../app/plans/plan-command.js';
import { cardNotifier } from '../../../app/plans/plan-notifier.js';
import { runPlanCommand } from '../../../app/plans/run-plan-command.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { findContactByPlatformId } from '../../../core/directory/directory.js';
import { escapeMrkdwn } from '../blocks/index.js';
import { PLAN_COMMAND } from '../ids.js';
import type { SlackContext } from '../slack-context.js';

export function registerPlanCommand(app: App, ctx: SlackContext): void {
  app.command(PLAN_COMMAND, async ({ command, ack, respond }) => {
    const parsed = parsePlanCommand(command.text);
    if (parsed.kind === 'import') {
      await ack({
        response_type: 'ephemeral',
        text: `A slash command cannot carry the spreadsheet. Ask the operator to run \`muster plan import <file> --id ${escapeMrkdwn(parsed.planId)} --as <your contact id>\`; then use /plan here.`,
      });
      return;
    }
    await ack();
    try {
      const person = await ctx.people.lookup(command.user_id, command.user_name);
      const email = person.email?.toLowerCase();
      const contactId =
        findContactByPlatformId(ctx.deps.directory, 'slack', command.user_id)?.id ??
        ctx.deps.directory.contacts.find((c) => email !== undefined && c.email.toLowerCase() === email)?.id;
      const outcome = await runPlanCommand(
        {
          ...ctx.deps,
          platform: ctx.platform,
          notifier: cardNotifier([ctx.platform], ctx.deps.directory),
        },
        {
          command: parsed,
          by: contactId ? { ...person.actor, contactId } : person.actor,
          requester: {
            ...(contactId ? { contactId } : {}),
            ...(person.email ? { email: person.email } : {}),
          },
        },
      );
      await respond({ response_type: 'ephemeral', text: escapeMrkdwn(outcome.message) });
    } catch (error) {
      if (!isUserError(error)) ctx.logger.error('/plan failed', { subcommand: parsed.kind, error });
      await respond({ response_type: 'ephemeral', text: userMessage(error) });
    }
  });
}
