/**
 * Record meeting, on a reminder card: opens the record-meeting form for the
 * incident, the meeting kind preset from the button. The person's access is
 * checked now, and the grant travels in the modal (Slack keeps
 * `private_metadata` out of the person's reach), so the submission need not
 * ask Slack again before it answers.
 */
import { recordMeetingForm } from '../../../app/forms/record-meeting-form.js';
import { nowIn } from '../../../app/incident-timeline.js';
import { CALLBACKS } from '../ids.js';
import { formModal } from '../modals/form-modal.js';
import type { SlackContext } from '../slack-context.js';
import type { PressWork } from './button-press.js';

/** The context key naming who the form was opened for. */
export const GRANTED_TO = 'grantedTo';

export function recordMeetingWork(ctx: SlackContext): PressWork {
  return async ({ value, incident, body, client }) => {
    const form = recordMeetingForm(incident, nowIn(ctx.deps.clock, ctx.deps.protocol), {
      ...(value.meetingKind ? { kind: value.meetingKind } : {}),
      platform: 'slack',
    });
    form.context = { ...form.context, reference: incident.reference, [GRANTED_TO]: body.user.id };
    await client.views.open({ trigger_id: body.trigger_id, view: formModal(form, CALLBACKS.recordMeeting) });
    return undefined;
  };
}
