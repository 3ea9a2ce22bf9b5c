/**
 * Acknowledge, on the incident card: records the agency's acknowledgement
 * (the agency comes from the button, the person from Slack) and updates the
 * pinned card in place so everyone in the channel sees who is still to answer.
 */
import { acknowledgeNotification } from '../../../app/acknowledge-notification.js';
import { invalidInput } from '../../../app/validate-input.js';
import type { SlackContext } from '../slack-context.js';
import type { PressWork } from './button-press.js';
import { refreshCard } from './refresh-card.js';

export function acknowledgeWork(ctx: SlackContext): PressWork {
  return async ({ value, incident, person }) => {
    if (!value.agencyId) throw invalidInput([{ path: 'agencyId', message: 'this button names no agency' }]);
    const result = await acknowledgeNotification(ctx.deps, {
      reference: incident.reference,
      agencyId: value.agencyId,
      by: person.actor,
    });
    if (!result.alreadyAcknowledged) await refreshCard(ctx, incident.reference);
    return result.message;
  };
}
