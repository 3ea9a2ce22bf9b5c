/**
 * A card button pressed in the console (Action.Submit posting `{ verb,
 * value }`): the app's `pressCardButton` checks the person may act on the
 * incident and runs the verb's use case; this renders what it returns (a
 * message to the person alone, the pinned card refreshed, a form or the
 * incident card). A refusal changes nothing.
 */
import type { CardVerb } from '../../app/cards/card-model.js';
import { pressCardButton } from '../../app/interactions/press-card-button.js';
import { expandCard } from '../cards/card-templates.js';
import { refreshCard } from '../shared/refresh-card.js';
import { type ConsolePerson, consoleRequester } from './console-access.js';
import { type ConsoleContext, replyTo } from './console-context.js';
import { formReply, withPeopleChoices, zoneOf } from './console-forms.js';
import { CONSOLE_PLATFORM, type ConsoleChannel } from './console-model.js';
import type { SubmitAnswer } from './form-submissions.js';

export async function pressButton(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  action: { verb: CardVerb; value: string },
): Promise<SubmitAnswer> {
  const outcome = await pressCardButton(ctx.deps, {
    verb: action.verb,
    value: action.value,
    by: person.actor,
    requester: consoleRequester(ctx.history, person),
    platform: CONSOLE_PLATFORM,
  });
  if (outcome.refused) {
    ctx.logger.info('console button refused: not a member or coordinator', {
      reference: outcome.reference,
      verb: action.verb,
    });
  }
  if (outcome.refreshCard) await refreshCard(ctx, outcome.reference);
  if (outcome.form) {
    return { ok: true, form: formReply(ctx, withPeopleChoices(outcome.form, ctx.deps.directory)) };
  }
  if (outcome.card) {
    const card = expandCard(outcome.card, { zone: zoneOf(ctx) });
    return { ok: true, reply: await replyTo(ctx, person, channel.id, { card, cardKind: 'incident' }) };
  }
  const reply = await replyTo(ctx, person, channel.id, { text: outcome.message ?? '' });
  return { ok: !outcome.refused, reply };
}
