/**
 * The record-meeting form, submitted. Unlike the notification form, its
 * checks need the incident (a meeting cannot be before the incident, nor held
 * in the future, nor a review before the initial meeting), so the use case
 * itself runs before the ack — it touches only the local store — within a
 * budget that leaves Slack's three seconds room. Its answer puts problems on
 * their fields; if it runs late, the ack goes first and the answer follows
 * as a message. Slack work (the card update) always waits for the ack.
 */

import { createHash } from 'node:crypto';
import { recordMeetingInputFrom } from '../../../app/forms/record-meeting-form.js';
import { type RecordedMeeting, recordMeeting } from '../../../app/record-meeting.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { isMusterError } from '../../../core/errors.js';
import { refreshCard } from '../../shared/refresh-card.js';
import { GRANTED_TO } from '../actions/open-form.js';
import { CALLBACKS } from '../ids.js';
import { fieldErrors, readSubmission } from '../modals/form-submission.js';
import type { SlackContext } from '../slack-context.js';
import { tellPerson } from './tell-submitter.js';
import type { ViewRouter } from './view-router.js';

/** How long the use case may run before the ack must go regardless. */
const ACK_BUDGET_MS = 2000;

type Outcome = { ok: RecordedMeeting } | { error: unknown } | { repeat: true };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function registerRecordMeetingView(app: ViewRouter, ctx: SlackContext): void {
  app.view(CALLBACKS.recordMeeting, async ({ ack, view, body, client }) => {
    const submission = readSubmission(view);
    const userId = body.user.id;
    const fields = Object.keys(view.state.values);
    if (submission.context[GRANTED_TO] !== userId) {
      await ack({
        response_action: 'errors',
        errors: fieldErrors(
          [{ path: '', message: 'Open this form again from the Record meeting button.' }],
          fields,
        ),
      });
      return;
    }
    // A corrected resubmission has other values, so it is not mistaken for a repeat.
    const digest = createHash('sha256').update(JSON.stringify(submission.values)).digest('hex').slice(0, 16);
    const outcome = record(ctx, `slack:view:${view.id}:${digest}`, userId, body.user.name, submission);
    const early = await Promise.race([outcome, delay(ACK_BUDGET_MS)]);
    if (early && 'error' in early && isMusterError(early.error, 'invalid_input')) {
      await ack({ response_action: 'errors', errors: fieldErrors(early.error.details, fields) });
      return;
    }
    await ack();
    const settled = await outcome;
    if ('repeat' in settled) return;
    if ('error' in settled) {
      if (!isUserError(settled.error))
        ctx.logger.error('recording a meeting failed', { error: settled.error });
      await tellPerson(ctx, client, userId, undefined, {
        kind: 'notice',
        headline: 'The meeting was not recorded',
        lines: [userMessage(settled.error)],
      });
      return;
    }
    const { incident, notice } = settled.ok;
    await refreshCard(ctx, incident.reference);
    await tellPerson(ctx, client, userId, incident.spaces.slack?.spaceId, notice);
  });
}

async function record(
  ctx: SlackContext,
  key: string,
  userId: string,
  userName: string,
  submission: ReturnType<typeof readSubmission>,
): Promise<Outcome> {
  try {
    if (!(await ctx.deps.store.rememberOnce(key, ctx.deps.clock.now()))) return { repeat: true };
    const chairId = one(submission.values.chair);
    const [by, chair] = await Promise.all([
      ctx.people.actor(userId, userName),
      chairId ? ctx.people.actor(chairId) : Promise.resolve(undefined),
    ]);
    return { ok: await recordMeeting(ctx.deps, recordMeetingInputFrom(submission, by, chair)) };
  } catch (error) {
    return { error };
  }
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
