/**
 * Every card button on Slack, and the checklist's "Work on an item…" select:
 * ack, find out who pressed it, and hand the verb and the value the card put
 * on it to `pressCardButton` (which checks access and runs the use case).
 * Then render what it returns: a message to the presser alone, the pinned
 * card refreshed, a form or a card in a modal. A refusal or an error is
 * answered ephemerally and nothing changes.
 */
import type { BlockAction, ButtonAction, RespondFn, StaticSelectAction, webApi } from '@slack/bolt';
import type { CommandDeps } from '../../../app/commands/command-outcome.js';
import { type IncidentCardVerb, pressCardButton } from '../../../app/interactions/press-card-button.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { refreshCard } from '../../shared/refresh-card.js';
import { slackRequester } from '../access/incident-access.js';
import { chosenItemValue } from '../blocks/index.js';
import type { SlackContext } from '../slack-context.js';
import { openCardModal, openFormModal } from './open-form.js';

/** What Muster renders that can be pressed: buttons, and the checklist sections' selects. */
export type PressAction = ButtonAction | StaticSelectAction;

export interface ButtonArgs {
  ack: () => Promise<void>;
  body: BlockAction;
  action: PressAction;
  client: webApi.WebClient;
  respond?: RespondFn;
}

/** A button carries its value; a select, the value of the option chosen. */
export function pressedValue(action: PressAction): string | undefined {
  return action.type === 'static_select'
    ? chosenItemValue(action.selected_option?.value, action.block_id)
    : action.value;
}

export async function handlePress(
  ctx: SlackContext,
  args: ButtonArgs,
  verb: IncidentCardVerb,
): Promise<void> {
  await args.ack();
  const { body, client } = args;
  try {
    const person = await ctx.people.lookup(body.user.id, body.user.name);
    const deps: CommandDeps = { ...ctx.deps, platform: ctx.platform };
    const outcome = await pressCardButton(deps, {
      verb,
      value: pressedValue(args.action),
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
    const trigger = { triggerId: body.trigger_id, userId: body.user.id };
    if (outcome.form) await openFormModal(client, trigger, outcome.form);
    if (outcome.card) await openCardModal(client, trigger, outcome.card);
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
