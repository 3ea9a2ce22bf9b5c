/**
 * `/plan` on Slack: the strategic plan commands (`app/plans/plan-command.ts`).
 * Acks at once, runs the use case, answers the person alone. Leads asked in
 * a round get the plan update card by direct message (`askPlanUpdate`). A
 * slash command cannot carry a file, so `/plan import` opens a modal with a
 * file input for a coordinator (views/plan-import-view.ts).
 */
import type { webApi } from '@slack/bolt';
import { requireCoordinator } from '../../../app/plans/plan-access.js';
import { type PlanCommand, parsePlanCommand } from '../../../app/plans/plan-command.js';
import { runPlanCommand } from '../../../app/plans/run-plan-command.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { partnershipRequester, planDeps } from '../access/partnership-requester.js';
import { escapeMrkdwn } from '../blocks/index.js';
import { PLAN_COMMAND } from '../ids.js';
import type { SlackContext } from '../slack-context.js';
import { planImportModal } from '../views/plan-import-view.js';
import type { CommandRouter } from './command-router.js';

export function registerPlanCommand(app: CommandRouter, ctx: SlackContext): void {
  app.command(PLAN_COMMAND, async ({ command, ack, respond, client }) => {
    const parsed = parsePlanCommand(command.text);
    await ack();
    try {
      const who = await partnershipRequester(ctx, command.user_id, command.user_name);
      if (parsed.kind === 'import') {
        await openImportModal(ctx, client, { ...command, parsed }, who);
        return;
      }
      const outcome = await runPlanCommand(planDeps(ctx), { command: parsed, ...who });
      await respond({ response_type: 'ephemeral', text: escapeMrkdwn(outcome.message) });
    } catch (error) {
      if (!isUserError(error)) ctx.logger.error('/plan failed', { subcommand: parsed.kind, error });
      await respond({ response_type: 'ephemeral', text: escapeMrkdwn(userMessage(error)) });
    }
  });
}

/** Only a coordinator gets the modal; anyone else is told so (thrown, answered like any refusal). */
async function openImportModal(
  ctx: SlackContext,
  client: webApi.WebClient,
  command: { trigger_id: string; user_id: string; parsed: Extract<PlanCommand, { kind: 'import' }> },
  who: Awaited<ReturnType<typeof partnershipRequester>>,
): Promise<void> {
  requireCoordinator(ctx.deps.directory, who.by, who.requester, 'import a plan', ctx.deps.coordinators);
  const { planId, title } = command.parsed;
  await client.views.open({
    trigger_id: command.trigger_id,
    view: planImportModal({ planId, ...(title ? { title } : {}), grantedTo: command.user_id }),
  });
}
