/**
 * Record meeting, on a reminder card: opens the record-meeting form that
 * `pressCardButton` built. The person's access was checked then, and the
 * grant travels in the modal (Slack keeps `private_metadata` out of the
 * person's reach), so the submission need not ask Slack again before it answers.
 */
import type { BlockAction, webApi } from '@slack/bolt';
import type { FormDefinition } from '../../../app/forms/form-model.js';
import { CALLBACKS } from '../ids.js';
import { formModal } from '../modals/form-modal.js';

/** The context key naming who the form was opened for. */
export const GRANTED_TO = 'grantedTo';

export async function openRecordMeetingModal(
  client: webApi.WebClient,
  body: BlockAction,
  form: FormDefinition,
): Promise<void> {
  const granted = { ...form, context: { ...form.context, [GRANTED_TO]: body.user.id } };
  await client.views.open({ trigger_id: body.trigger_id, view: formModal(granted, CALLBACKS.recordMeeting) });
}
