/**
 * Record meeting or Add update, on a reminder card: opens the form that
 * `pressCardButton` built, submitted to that form's view callback. The person's access was checked then, and the
 * grant travels in the modal (Slack keeps `private_metadata` out of the
 * person's reach), so the submission need not ask Slack again before it answers.
 */
import type { BlockAction, webApi } from '@slack/bolt';
import { ACTION_UPDATE_FORM_ID } from '../../../app/forms/action-update-form.js';
import type { FormDefinition } from '../../../app/forms/form-model.js';
import { RECORD_MEETING_FORM_ID } from '../../../app/forms/record-meeting-form.js';
import { CALLBACKS } from '../ids.js';
import { formModal } from '../modals/form-modal.js';

/** The context key naming who the form was opened for. */
export const GRANTED_TO = 'grantedTo';

/** The modal callback each form a button opens is submitted to. */
const FORM_CALLBACKS: Readonly<Record<string, string>> = {
  [RECORD_MEETING_FORM_ID]: CALLBACKS.recordMeeting,
  [ACTION_UPDATE_FORM_ID]: CALLBACKS.actionUpdate,
};

export async function openRecordMeetingModal(
  client: webApi.WebClient,
  body: BlockAction,
  form: FormDefinition,
): Promise<void> {
  const granted = { ...form, context: { ...form.context, [GRANTED_TO]: body.user.id } };
  const callback = FORM_CALLBACKS[form.id];
  if (!callback) throw new Error(`no Slack view callback for form "${form.id}"`);
  await client.views.open({ trigger_id: body.trigger_id, view: formModal(granted, callback) });
}
