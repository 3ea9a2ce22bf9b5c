/**
 * Opening a form, or a card, in a modal: the form a button or a command
 * returned (Record meeting, Add update, schedule a meeting, add an action,
 * close…), each submitted to its form's view callback, and a card shown to
 * one person (Open on an incident list row). Access was checked when the
 * form was asked for, and the grant travels in the modal (Slack keeps
 * `private_metadata` out of the person's reach), so a submission is known to
 * come from the person it was opened for without asking Slack again.
 */
import type { webApi } from '@slack/bolt';
import type { Card } from '../../../app/cards/card-model.js';
import { ACTION_UPDATE_FORM_ID } from '../../../app/forms/action-update-form.js';
import type { FormDefinition } from '../../../app/forms/form-model.js';
import { isRegisteredForm } from '../../../app/forms/form-registry.js';
import { RECORD_MEETING_FORM_ID } from '../../../app/forms/record-meeting-form.js';
import { messageFor } from '../blocks/index.js';
import { CALLBACKS } from '../ids.js';
import { fitText, formModal, SLACK_LIMITS } from '../modals/form-modal.js';

/** The context key naming who the form was opened for. */
export const GRANTED_TO = 'grantedTo';

/** The forms that came before the form registry keep their own callbacks. */
const FORM_CALLBACKS: Readonly<Record<string, string>> = {
  [RECORD_MEETING_FORM_ID]: CALLBACKS.recordMeeting,
  [ACTION_UPDATE_FORM_ID]: CALLBACKS.actionUpdate,
};

/** The view callback a form is submitted to; a form nothing would answer is a bug, refused before opening. */
export function formCallback(formId: string): string {
  const callback =
    FORM_CALLBACKS[formId] ?? (isRegisteredForm(formId) ? CALLBACKS.registeredForm : undefined);
  if (!callback) throw new Error(`no Slack view callback for form "${formId}"`);
  return callback;
}

export interface ModalTrigger {
  /** Lives three seconds from the click or command. */
  triggerId: string;
  userId: string;
}

export async function openFormModal(
  client: webApi.WebClient,
  trigger: ModalTrigger,
  form: FormDefinition,
): Promise<void> {
  const granted = { ...form, context: { ...form.context, [GRANTED_TO]: trigger.userId } };
  await client.views.open({
    trigger_id: trigger.triggerId,
    view: formModal(granted, formCallback(form.id)),
  });
}

/** A card, as it stands now, in a modal for the person who asked. */
export async function openCardModal(
  client: webApi.WebClient,
  trigger: Pick<ModalTrigger, 'triggerId'>,
  card: Card,
): Promise<void> {
  const { blocks } = messageFor(card);
  const title = 'reference' in card && card.reference ? card.reference : 'Muster';
  await client.views.open({
    trigger_id: trigger.triggerId,
    view: {
      type: 'modal',
      title: { type: 'plain_text', text: fitText(title, SLACK_LIMITS.modalTitle) },
      close: { type: 'plain_text', text: 'Close' },
      blocks,
    },
  });
}
