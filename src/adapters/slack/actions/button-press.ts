/**
 * Every card button on Slack: ack, find out who pressed it, and hand the
 * verb and the value the card put on it to `pressCardButton` (which checks
 * access and runs the use case). Then render what it returns: a message to
 * the presser alone, the pinned card refreshed, a form or the incident card
 * in a modal. A refusal or an error is answered ephemerally and nothing changes.
 */
import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { CardVerb } from '../../../app/cards/card-model.js';
import { pressCardButton } from '../../../app/interactions/press-card-button.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { refreshCard } from '../../shared/refresh-card.js';
import { slackRequester } from '../access/incident-access.js';
import type { SlackContext } from '../slack-context.js';
import { openRecordMeetingModal } from './meeting-action.js';
import { openIncidentModal } from './open-incident-action.js';

export interface ButtonArgs {
  ack: () => Promise<void>;
  body: BlockAction;
  action: ButtonAction;
  client: webApi.WebClient;
  respond?: RespondFn;
}

export async function handlePress(ctx: SlackContext, args: ButtonArgs, verb: CardVerb): Promise<void> {
  await args.ack();
  const { body, client } = args;
  try {
    const person = await ctx.people.lookup(body.user.id, body.user.name);
    const outcome = await pressCardButton(ctx.deps, {
      verb,
      value: args.action.value,
      by: person.actor,
      requester: slackRequester(client, ctx.deps.directory, person),
      platform: 'slack',
    });
    if (outcome.refused) {
      ctx.logger.info('button refused: not a member or coordinator', {
        reference: outcome.reference,
        action: args.action.action_id,
      });
    }
    if (outcome.refreshCard) await refreshCard(ctx, outcome.reference);
    if (outcome.form) await openRecordMeetingModal(client, body, outcome.form);
    if (outcome.card) await openIncidentModal(client, body, outcome.card);
    if (outcome.message) await replyToPresser(ctx, args, outcome.message);
  } catch (error) {
    if (!isUserError(error)) ctx.logger.error('button failed', { action: args.action.action_id, error });
    await replyToPresser(ctx, args, userMessage(error));
  }
}

/**
 * Ephemeral where the button was (a message's `response_url`), else in the
 * channel, else as a direct message (buttons in the Home tab or a modal have
 * neither). Failing to answer is logged, never thrown: the work is done.
 */
export async function replyToPresser(
  ctx: SlackContext,
  { body, client, respond }: Pick<ButtonArgs, 'body' | 'client' | 'respond'>,
  text: string,
): Promise<void> {
  try {
    if (respond && body.response_url) {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } else if (body.channel?.id) {
      await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text });
    } else {
      await client.chat.postMessage({ channel: body.user.id, text });
    }
  } catch (error) {
    ctx.logger.warn('could not answer a button press', { userId: body.user.id, error });
  }
}
