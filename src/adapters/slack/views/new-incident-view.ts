/**
 * The SIO's notification form, submitted. The check runs before the ack, so
 * bad answers go back onto their fields and nothing is stored. After the ack:
 * the submission is claimed once by its view id (a retry or a double click
 * makes one incident), the incident is saved, and only then announced on
 * Slack, so a Slack failure can delay the channel but never lose the report.
 */

import type { webApi } from '@slack/bolt';
import { type AnnounceResult, announceIncident } from '../../../app/announce-incident.js';
import { checkNewIncident, type FormPeople } from '../../../app/forms/new-incident-form.js';
import { type OpenIncidentInput, openIncident } from '../../../app/open-incident.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { CALLBACKS } from '../ids.js';
import { fieldErrors, inputBlockIds, readSubmission } from '../modals/form-submission.js';
import type { SlackContext } from '../slack-context.js';
import { submitterNotice, tellPerson } from './tell-submitter.js';
import type { ViewRouter } from './view-router.js';

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function registerNewIncidentView(app: ViewRouter, ctx: SlackContext): void {
  app.view(CALLBACKS.newIncident, async ({ ack, view, body, client }) => {
    const submission = readSubmission(view);
    const chosen = { sio: one(submission.values.sio), reportedBy: one(submission.values.reportedBy) };
    // Names from the cache only: asking Slack here could cost the three seconds the ack has.
    const people: FormPeople = {
      ...(chosen.sio ? { sio: ctx.people.cached(chosen.sio).actor } : {}),
      ...(chosen.reportedBy ? { reportedBy: ctx.people.cached(chosen.reportedBy).actor } : {}),
    };
    const check = checkNewIncident(ctx.deps, submission, people);
    if ('problems' in check) {
      await ack({ response_action: 'errors', errors: fieldErrors(check.problems, inputBlockIds(view)) });
      return;
    }
    await ack();
    await ctx.announcing.track(openAndAnnounce(ctx, client, view.id, body.user.id, check.input));
  });
}

async function openAndAnnounce(
  ctx: SlackContext,
  client: webApi.WebClient,
  viewId: string,
  submitter: string,
  input: OpenIncidentInput,
): Promise<void> {
  const { store, clock } = ctx.deps;
  if (!(await store.rememberOnce(`slack:view:${viewId}`, clock.now()))) {
    ctx.logger.info('notification form already handled; ignoring the repeat', { viewId });
    return;
  }
  let reference: string;
  try {
    // Now there is time to ask Slack for the people's names, for the card and the audit.
    const [sio, reportedBy] = await Promise.all([
      ctx.people.actor(input.sio.id),
      ctx.people.actor(input.reportedBy.id),
    ]);
    reference = (await openIncident(ctx.deps, { ...input, sio, reportedBy })).incident.reference;
  } catch (error) {
    if (!isUserError(error)) ctx.logger.error('opening an incident from Slack failed', { viewId, error });
    await tellPerson(ctx, client, submitter, undefined, {
      kind: 'notice',
      headline: 'The incident was not opened',
      lines: [userMessage(error), 'Run /incident again to report it.'],
    });
    return;
  }
  let result: AnnounceResult | undefined;
  try {
    result = await announceIncident({ ...ctx.deps, platform: ctx.platform }, reference);
  } catch (error) {
    // announceIncident records its own failures; this is the store itself failing.
    ctx.logger.error('announcing an incident on Slack failed', { reference, error });
  }
  if (result && !result.completed) {
    ctx.logger.warn(`${reference} saved but not fully announced on Slack; the scheduler retries`, {
      reference,
      error: result.error,
    });
  }
  await tellPerson(ctx, client, submitter, result?.space?.id, submitterNotice(reference, result));
}
