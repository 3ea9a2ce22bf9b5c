/**
 * A card button pressed in the console (Action.Submit posting `{ verb,
 * value }`): the app's `pressCardButton` checks the person may act on the
 * incident and runs the verb's use case (a checklist button updates the
 * checklist in place through the console platform); this renders what it
 * returns: a form in the dialog, a card or a message for the person alone,
 * the pinned card refreshed. A plan update card's buttons name a plan, not an
 * incident: `pressPlanButton` checks the lead and opens the update form.
 * A refusal changes nothing.
 */
import type { CardVerb } from '../../app/cards/card-model.js';
import { pressCardButton } from '../../app/interactions/press-card-button.js';
import { pressPlanButton } from '../../app/plans/press-plan-button.js';
import { type ConsolePerson, consoleRequester } from './console-access.js';
import type { ConsoleContext } from './console-context.js';
import { CONSOLE_PLATFORM, type ConsoleChannel } from './console-model.js';
import { commandDeps, renderOutcome, type SubmitAnswer } from './outcome-reply.js';

export async function pressButton(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  action: { verb: CardVerb; value: string },
): Promise<SubmitAnswer> {
  if (action.verb === 'plan-update') {
    const pressed = await pressPlanButton(commandDeps(ctx), {
      value: action.value,
      by: person.actor,
      requester: { contactId: person.contact.id, email: person.contact.email },
    });
    if (pressed.refused) ctx.logger.info('console plan button refused: not the lead or a coordinator');
    return renderOutcome(ctx, person, channel, pressed);
  }
  const outcome = await pressCardButton(commandDeps(ctx), {
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
  return renderOutcome(ctx, person, channel, outcome);
}
