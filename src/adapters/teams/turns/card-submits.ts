/**
 * Whatever an Adaptive Card posted back: a Muster form (it carries
 * `formId`) or a card button (`{ verb, value }`), from an `Action.Submit`
 * (a message whose `value` is the data) or an `Action.Execute` (an invoke
 * whose `action.verb` and `action.data` carry the same things). Buttons go to
 * the app's `pressCardButton`, which checks access and runs the verb's use
 * case (a plan update card's, naming no incident, to `pressPlanButton`);
 * forms to their submission handler. The answer's delivery is the
 * caller's: a reply, the form replaced in place, or the refreshed card.
 */

import { ACTION_UPDATE_FORM_ID } from '../../../app/forms/action-update-form.js';
import { isRegisteredForm } from '../../../app/forms/form-registry.js';
import { NEW_INCIDENT_FORM_ID } from '../../../app/forms/new-incident-form.js';
import { RECORD_MEETING_FORM_ID } from '../../../app/forms/record-meeting-form.js';
import { pressCardButton } from '../../../app/interactions/press-card-button.js';
import { pressPlanButton } from '../../../app/plans/press-plan-button.js';
import { postedFormId, readCardAction } from '../../cards/card-templates.js';
import { TEAMS_PLATFORM } from '../ids.js';
import type { TeamsContext } from '../teams-context.js';
import { outcomeAnswer, type TurnAnswer, textAnswer } from './answers.js';
import {
  type FormTurn,
  submitActionUpdateForm,
  submitNewIncident,
  submitRecordMeeting,
  submitRegistered,
} from './form-submissions.js';
import { requesterOf } from './turn-facts.js';

export interface SubmitAnswer {
  answer: TurnAnswer;
  /** True for a form: its answer takes the form's place; a button's answer is a new message. */
  fromForm: boolean;
}

export async function cardSubmitted(ctx: TeamsContext, turn: FormTurn): Promise<SubmitAnswer> {
  const formId = postedFormId(turn.data);
  if (formId) return { answer: await submitForm(ctx, turn, formId), fromForm: true };
  const action = readCardAction(turn.data);
  if (!action) {
    return {
      answer: textAnswer('Muster did not recognise that card. Type "incident help" to see what it can do.'),
      fromForm: false,
    };
  }
  if (action.verb === 'plan-update') {
    const pressed = await pressPlanButton(
      { ...ctx.deps, platform: ctx.platform },
      { value: action.value, by: turn.person.actor, requester: requesterOf(ctx, turn.person, turn.where) },
    );
    if (pressed.refused) ctx.logger.info('Teams plan button refused: not the lead or a coordinator');
    return { answer: await outcomeAnswer(ctx, pressed), fromForm: false };
  }
  const outcome = await pressCardButton(
    { ...ctx.deps, platform: ctx.platform },
    {
      verb: action.verb,
      value: action.value,
      by: turn.person.actor,
      requester: requesterOf(ctx, turn.person, turn.where),
      platform: TEAMS_PLATFORM,
    },
  );
  if (outcome.refused)
    ctx.logger.info('Teams button refused: not a member or coordinator', {
      reference: outcome.reference,
      verb: action.verb,
    });
  return { answer: await outcomeAnswer(ctx, outcome), fromForm: false };
}

function submitForm(ctx: TeamsContext, turn: FormTurn, formId: string): Promise<TurnAnswer> {
  switch (formId) {
    case NEW_INCIDENT_FORM_ID:
      return submitNewIncident(ctx, turn);
    case RECORD_MEETING_FORM_ID:
      return submitRecordMeeting(ctx, turn);
    case ACTION_UPDATE_FORM_ID:
      return submitActionUpdateForm(ctx, turn);
    default:
      if (isRegisteredForm(formId)) return submitRegistered(ctx, turn, formId);
      return Promise.resolve(textAnswer(`Muster has no form "${formId}". Open it again from its command.`));
  }
}

/** An `Action.Execute` invoke's `{ verb, data }` as the data an `Action.Submit` would have posted. */
export function executeData(action: { verb?: unknown; data?: unknown }): Record<string, unknown> {
  const data =
    typeof action.data === 'object' && action.data !== null ? (action.data as Record<string, unknown>) : {};
  return typeof action.verb === 'string' && data.verb === undefined && !data.formId
    ? { ...data, verb: action.verb }
    : data;
}
