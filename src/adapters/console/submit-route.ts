/**
 * `POST /console/api/submit` `{ channelId, data }`: whatever an Adaptive
 * Card's Action.Submit posted in the console, a form (it carries `formId`:
 * the console's own three, or any of the app's registered command forms)
 * or a card button (`{ verb, value }`). A use case's refusal is an answer,
 * `{ ok: false, reply }` or the form again with its errors; only a request
 * that is neither is a 400.
 */
import { z } from 'zod';
import { ACTION_UPDATE_FORM_ID } from '../../app/forms/action-update-form.js';
import { isRegisteredForm } from '../../app/forms/form-registry.js';
import { NEW_INCIDENT_FORM_ID } from '../../app/forms/new-incident-form.js';
import { RECORD_MEETING_FORM_ID } from '../../app/forms/record-meeting-form.js';
import { isMusterError } from '../../core/errors.js';
import { postedFormId, readCardAction } from '../cards/card-templates.js';
import { type HttpServer, sendJson } from '../http/http-server.js';
import { pressButton } from './card-actions.js';
import { type ConsoleContext, replyWithError, visibleChannel } from './console-context.js';
import { guarded, HttpProblem, identify, readBody } from './console-http.js';
import {
  type SubmitAnswer,
  submitActionUpdateForm,
  submitCommandForm,
  submitNewIncident,
  submitRecordMeeting,
} from './form-submissions.js';

export const SUBMIT_PATH = '/console/api/submit';

const submitBody = z.object({
  channelId: z.string().min(1, 'name the channel the card is in'),
  data: z.record(z.string(), z.unknown(), { error: 'send the object the card posted as data' }),
});

export function registerSubmitRoute(http: HttpServer, ctx: ConsoleContext): void {
  http.route(
    'POST',
    SUBMIT_PATH,
    guarded(async (req, res) => {
      const person = identify(req, ctx.deps.directory);
      const { channelId, data } = await readBody(req, submitBody);
      const channel = await visibleChannel(ctx, person, channelId);
      const formId = postedFormId(data);
      const action = formId ? undefined : readCardAction(data);
      let work: () => Promise<SubmitAnswer>;
      if (formId === NEW_INCIDENT_FORM_ID) work = () => submitNewIncident(ctx, person, channel, data);
      else if (formId === RECORD_MEETING_FORM_ID)
        work = () => submitRecordMeeting(ctx, person, channel, data);
      else if (formId === ACTION_UPDATE_FORM_ID)
        work = () => submitActionUpdateForm(ctx, person, channel, data);
      else if (formId && isRegisteredForm(formId))
        work = () => submitCommandForm(ctx, person, channel, formId, data);
      else if (action) work = () => pressButton(ctx, person, channel, action);
      else if (formId) throw new HttpProblem(400, `There is no form "${formId}" in Muster.`);
      else
        throw new HttpProblem(400, 'data is neither a Muster form (formId) nor a card button (verb, value).');
      try {
        sendJson(res, 200, await work());
      } catch (error) {
        const reply = await replyWithError(
          ctx,
          person,
          channel.id,
          error,
          formId ?? action?.verb ?? 'submit',
        );
        // Muster's own refusals are answers; anything else is ours to fix, and says so.
        sendJson(res, isMusterError(error) ? 200 : 500, { ok: false, reply });
      }
    }),
  );
}
