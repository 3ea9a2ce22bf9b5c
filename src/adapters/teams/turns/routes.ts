/**
 * The Teams activities Muster answers, as routes of the SDK's
 * AgentApplication: every turn first teaches the adapter where it is
 * (connector address, tenant, the person's one-to-one chat, for proactive
 * messages later); a message is a card's `Action.Submit` (it has a `value`)
 * or a typed command; an `adaptiveCard/action` invoke is an `Action.Execute`,
 * answered with the refreshed card; the bot joining a chat or team says
 * what it does. A handler's failure is told to the person in plain words.
 */
import type { AdaptiveCard, AgentApplication, TurnContext, TurnState } from '@microsoft/agents-hosting';
import { isUserError, userMessage } from '../../../app/user-message.js';
import type { TeamsState } from '../store/teams-state.js';
import type { TeamsContext } from '../teams-context.js';
import { answerCard, answerMessage, asTyped, type TurnAnswer, textAnswer } from './answers.js';
import { cardSubmitted, executeData, type SubmitAnswer } from './card-submits.js';
import { commandText, help, runCommand } from './commands.js';
import { personOf, whereOf } from './turn-facts.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function registerTurns(app: AgentApplication<TurnState>, ctx: TeamsContext, state: TeamsState): void {
  app.onTurn('beforeTurn', async (context) => {
    await learnFrom(ctx, state, context);
    return true;
  });

  app.onConversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((m) => m.id === botId)) return;
    await context.sendActivity(await answerMessage(ctx, help()));
  });

  app.adaptiveCards.actionExecute(/.*/, async (context, _state, action) => {
    const submitted = await submit(ctx, context, executeData(action as { verb?: unknown; data?: unknown }));
    // A button whose answer is words leaves its card as it is (the incident card was updated for everyone).
    if (!submitted.fromForm && submitted.answer.kind === 'text') return asTyped(submitted.answer.text);
    return (await answerCard(ctx, submitted.answer)) as AdaptiveCard;
  });

  app.onActivity('message', async (context) => {
    const { activity } = context;
    if (isRecord(activity.value)) {
      // Teams redelivers an activity it thinks was lost; a card's answer must count once (an action added once).
      const { store, clock } = ctx.deps;
      if (activity.id && !(await store.rememberOnce(`teams:activity:${activity.id}`, clock.now()))) return;
      const submitted = await submit(ctx, context, activity.value);
      await deliverSubmitAnswer(ctx, context, submitted);
      return;
    }
    const where = whereOf(context);
    const words = commandText(activity.text, where);
    if (words === undefined) return;
    const person = await personOf(ctx, context);
    const attachments = activity.attachments ?? [];
    const answer = await guarded(ctx, 'command', () =>
      runCommand(ctx, { words, person, where, attachments }),
    );
    await context.sendActivity(await answerMessage(ctx, answer));
  });
}

async function submit(
  ctx: TeamsContext,
  context: TurnContext,
  data: Record<string, unknown>,
): Promise<SubmitAnswer> {
  const where = whereOf(context);
  const person = await personOf(ctx, context);
  let fromForm = typeof data.formId === 'string';
  const answer = await guarded(ctx, 'card', async () => {
    const submitted = await cardSubmitted(ctx, { person, where, data });
    fromForm = submitted.fromForm;
    return submitted.answer;
  });
  return { answer, fromForm };
}

/** A form's answer takes the form's place (so a refused form shows its errors where it was filled in). */
async function deliverSubmitAnswer(ctx: TeamsContext, context: TurnContext, submitted: SubmitAnswer) {
  const message = await answerMessage(ctx, submitted.answer);
  const formMessage = context.activity.replyToId;
  if (submitted.fromForm && formMessage) {
    try {
      message.id = formMessage;
      await context.updateActivity(message);
      return;
    } catch (error) {
      ctx.logger.warn('could not replace a submitted Teams form; replying instead', { error });
    }
  }
  message.id = undefined;
  await context.sendActivity(message);
}

async function guarded(
  ctx: TeamsContext,
  what: string,
  work: () => Promise<TurnAnswer>,
): Promise<TurnAnswer> {
  try {
    return await work();
  } catch (error) {
    if (!isUserError(error)) ctx.logger.error(`Teams ${what} failed`, { error });
    return textAnswer(userMessage(error));
  }
}

/** Where Teams is for this tenant, and each person's one-to-one chat with the bot. */
async function learnFrom(ctx: TeamsContext, state: TeamsState, context: TurnContext): Promise<void> {
  const { activity } = context;
  const conversation = activity.conversation;
  const tenantId =
    conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const userId = activity.from?.aadObjectId;
  const personal = conversation?.conversationType === 'personal' && userId && activity.serviceUrl;
  try {
    await state.learn({
      ...(activity.serviceUrl ? { serviceUrl: activity.serviceUrl } : {}),
      ...(tenantId ? { tenantId } : {}),
      ...(personal
        ? {
            personal: {
              userId,
              conversation: { conversationId: conversation.id, serviceUrl: activity.serviceUrl! },
            },
          }
        : {}),
    });
  } catch (error) {
    ctx.logger.warn('could not save what Teams told about this conversation', { error });
  }
}
