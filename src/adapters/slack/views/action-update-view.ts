/**
 * The Add update form (an action's reminder card), submitted. The use case
 * only touches the local store, so it runs before the ack: a refusal goes
 * back onto its field, and a repeat submission (Slack retries) records once.
 */
import { createHash } from 'node:crypto';
import { submitActionUpdate } from '../../../app/forms/action-update-form.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { isMusterError } from '../../../core/errors.js';
import { GRANTED_TO } from '../actions/open-form.js';
import { CALLBACKS } from '../ids.js';
import { fieldErrors, readSubmission } from '../modals/form-submission.js';
import type { SlackContext } from '../slack-context.js';
import { tellPerson } from './tell-submitter.js';
import type { ViewRouter } from './view-router.js';

export function registerActionUpdateView(app: ViewRouter, ctx: SlackContext): void {
  app.view(CALLBACKS.actionUpdate, async ({ ack, view, body, client }) => {
    const submission = readSubmission(view);
    const userId = body.user.id;
    const fields = Object.keys(view.state.values);
    if (submission.context[GRANTED_TO] !== userId) {
      const message = 'Open this form again from the Add update button.';
      await ack({ response_action: 'errors', errors: fieldErrors([{ path: '', message }], fields) });
      return;
    }
    const digest = createHash('sha256').update(JSON.stringify(submission.values)).digest('hex').slice(0, 16);
    try {
      if (!(await ctx.deps.store.rememberOnce(`slack:view:${view.id}:${digest}`, ctx.deps.clock.now()))) {
        await ack();
        return;
      }
      const by = await ctx.people.actor(userId, body.user.name);
      const { incident, action } = await submitActionUpdate(ctx.deps, submission, by);
      await ack();
      await tellPerson(ctx, client, userId, incident.spaces.slack?.spaceId, {
        kind: 'notice',
        reference: incident.reference,
        headline: `Action ${action.number} updated (${action.rag.toUpperCase()})`,
        lines: [action.updates.at(-1)?.text ?? ''],
      });
    } catch (error) {
      if (isMusterError(error, 'invalid_input')) {
        await ack({ response_action: 'errors', errors: fieldErrors(error.details, fields) });
        return;
      }
      await ack();
      if (!isUserError(error)) ctx.logger.error('recording an action update failed', { error });
      await tellPerson(ctx, client, userId, undefined, {
        kind: 'notice',
        headline: 'The update was not recorded',
        lines: [userMessage(error)],
      });
    }
  });
}
