/**
 * What every card button does before its own work: ack, read the value the
 * card put on it, load the incident, find out who pressed it and check they
 * may act on this incident. A refusal or an error is answered ephemerally to
 * the presser alone, and nothing changes.
 */
import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { type ActionValue, parseActionValue } from '../../../app/cards/action-value.js';
import { loadIncident } from '../../../app/incident-timeline.js';
import type { Incident } from '../../../core/incident/incident.js';
import { decideAccess } from '../access/incident-access.js';
import type { SlackPerson } from '../access/slack-people.js';
import { isUserError, type SlackContext, userMessage } from '../slack-context.js';

export interface ButtonArgs {
  ack: () => Promise<void>;
  body: BlockAction;
  action: ButtonAction;
  client: webApi.WebClient;
  respond?: RespondFn;
}

export interface Press {
  value: ActionValue;
  incident: Incident;
  person: SlackPerson;
  body: BlockAction;
  client: webApi.WebClient;
}

/** The work behind a button; what it returns is told to the presser. */
export type PressWork = (press: Press) => Promise<string | undefined>;

export async function handlePress(ctx: SlackContext, args: ButtonArgs, work: PressWork): Promise<void> {
  await args.ack();
  const { body, client } = args;
  try {
    const value = parseActionValue(args.action.value);
    const incident = await loadIncident(ctx.deps.store, value.reference);
    const person = await ctx.people.lookup(body.user.id, body.user.name);
    const access = await decideAccess(client, ctx.deps.directory, incident, person);
    if (!access.allowed) {
      ctx.logger.info('button refused: not a member or coordinator', {
        reference: incident.reference,
        action: args.action.action_id,
      });
      await replyToPresser(ctx, args, access.reason);
      return;
    }
    const message = await work({ value, incident, person, body, client });
    if (message) await replyToPresser(ctx, args, message);
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
