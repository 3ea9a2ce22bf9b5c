/**
 * `/incident status` in the console: the app's `statusFor` finds the
 * incident (this channel's, or the reference given) and checks access; this
 * renders the card, or the refusal, for the person alone.
 */
import { statusFor } from '../../app/incident-status.js';
import { expandCard } from '../cards/card-templates.js';
import { type ConsolePerson, consoleRequester } from './console-access.js';
import { type ConsoleContext, replyTo } from './console-context.js';
import { zoneOf } from './console-forms.js';
import { CONSOLE_PLATFORM, type ConsoleChannel, type ConsoleMessage } from './console-model.js';

export async function statusReply(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  reference?: string,
): Promise<ConsoleMessage> {
  const answer = await statusFor(ctx.deps, {
    platform: CONSOLE_PLATFORM,
    spaceId: channel.id,
    spaceName: channel.name,
    ...(reference ? { reference } : {}),
    requester: consoleRequester(ctx.history, person),
  });
  if ('refused' in answer) return replyTo(ctx, person, channel.id, { text: answer.refused });
  const card = expandCard(answer.card, { zone: zoneOf(ctx) });
  return replyTo(ctx, person, channel.id, { card, cardKind: 'incident' });
}
