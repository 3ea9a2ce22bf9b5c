/**
 * A plan update card's buttons on Slack (Red, Amber, Green, Update…): ack,
 * find out who pressed, and let the app's `pressPlanButton` decide (the
 * action's lead or a coordinator) and build the form, opened in a modal with
 * the RAG chosen. The modal is a registered form, so its submission goes the
 * way of every other (registered-form-view.ts). A refusal or an error is
 * answered to the presser alone and nothing opens.
 */
import { pressPlanButton } from '../../../app/plans/press-plan-button.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { slackRequester } from '../access/incident-access.js';
import type { SlackContext } from '../slack-context.js';
import { type ButtonArgs, pressedValue, replyToPresser } from './button-press.js';
import { openFormModal } from './open-form.js';

export async function handlePlanPress(ctx: SlackContext, args: ButtonArgs): Promise<void> {
  await args.ack();
  const { body, client } = args;
  try {
    const person = await ctx.people.lookup(body.user.id, body.user.name);
    const outcome = await pressPlanButton(
      { ...ctx.deps, platform: ctx.platform },
      {
        value: pressedValue(args.action),
        by: person.actor,
        requester: {
          ...slackRequester(client, ctx.deps.directory, person),
          ...(person.email ? { email: person.email } : {}),
        },
      },
    );
    if (outcome.refused) ctx.logger.info('plan button refused: not the lead or a coordinator');
    if (outcome.form) {
      await openFormModal(client, { triggerId: body.trigger_id, userId: body.user.id }, outcome.form);
    }
    if (outcome.message) await replyToPresser(ctx, args, outcome.message);
  } catch (error) {
    if (!isUserError(error)) ctx.logger.error('plan button failed', { action: args.action.action_id, error });
    await replyToPresser(ctx, args, userMessage(error));
  }
}
