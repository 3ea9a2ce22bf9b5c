/**
 * `/incident` and `/incident new`: opens the SIO's notification form in a
 * modal. The trigger id lives three seconds, so nothing slow runs before
 * `views.open`; the reporting officer starts as the person who asked.
 */
import type { SlashCommand, webApi } from '@slack/bolt';
import { newIncidentForm } from '../../../app/forms/new-incident-form.js';
import { nowIn } from '../../../app/incident-timeline.js';
import { CALLBACKS } from '../ids.js';
import { formModal } from '../modals/form-modal.js';
import type { SlackContext } from '../slack-context.js';

export async function openNewIncidentForm(
  ctx: SlackContext,
  command: Pick<SlashCommand, 'user_id' | 'trigger_id'>,
  client: webApi.WebClient,
): Promise<void> {
  const { directory, clock, protocol } = ctx.deps;
  const form = newIncidentForm(directory, nowIn(clock, protocol), command.user_id);
  await client.views.open({ trigger_id: command.trigger_id, view: formModal(form, CALLBACKS.newIncident) });
}
