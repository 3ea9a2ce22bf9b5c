/**
 * Every form of the app's form registry, submitted (schedule a meeting, add
 * an action, report progress, a key date, close, a checklist item,
 * attendance, Signs of Safety): one callback, routed by the form id the
 * modal carries. The app's `submitRegisteredForm` runs before the ack, within
 * a budget that leaves Slack's three seconds room, so refused answers go
 * back under their fields and the modal stays open with nothing written; if
 * it runs late, the ack goes first and the answer follows as a message.
 * Then the person is told the outcome, and the pinned card refreshed if it
 * changed. A double click or a retry with the same answers is done once.
 */
import { createHash } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { CommandDeps, CommandOutcome } from '../../../app/commands/command-outcome.js';
import type { FormSubmission } from '../../../app/forms/form-model.js';
import { submitRegisteredForm } from '../../../app/forms/form-registry.js';
import { loadIncident } from '../../../app/incident-timeline.js';
import { isUserError, userMessage } from '../../../app/user-message.js';
import { isMusterError } from '../../../core/errors.js';
import { refreshCard } from '../../shared/refresh-card.js';
import { slackRequester } from '../access/incident-access.js';
import { GRANTED_TO } from '../actions/open-form.js';
import { outcomeReply } from '../commands/incident-command.js';
import { CALLBACKS } from '../ids.js';
import { fieldErrors, inputBlockIds, readSubmission } from '../modals/form-submission.js';
import type { SlackContext } from '../slack-context.js';
import { tellPerson, tellPersonMessage } from './tell-submitter.js';
import type { ViewRouter } from './view-router.js';

/** How long the use case may run before the ack must go regardless. */
const ACK_BUDGET_MS = 2000;

type Settled = { ok: CommandOutcome } | { error: unknown } | { repeat: true };

export function registerRegisteredFormView(app: ViewRouter, ctx: SlackContext): void {
  app.view(CALLBACKS.registeredForm, async ({ ack, view, body, client }) => {
    const { context, ...read } = readSubmission(view);
    const userId = body.user.id;
    const fields = inputBlockIds(view);
    const refuse = (message: string) =>
      ack({ response_action: 'errors', errors: fieldErrors([{ path: '', message }], fields) });
    if (context[GRANTED_TO] !== userId) {
      await refuse('Open this form again from its command or button.');
      return;
    }
    const { [GRANTED_TO]: _grant, ...formContext } = context;
    const submission: FormSubmission = { ...read, context: formContext };
    // A corrected resubmission has other values, so it is not mistaken for a repeat.
    const digest = createHash('sha256').update(JSON.stringify(submission.values)).digest('hex').slice(0, 16);
    const outcome = submit(ctx, `slack:view:${view.id}:${digest}`, body.user, client, submission);
    const early = await Promise.race([outcome, delay(ACK_BUDGET_MS)]);
    if (early && 'error' in early && isMusterError(early.error, 'invalid_input')) {
      await ack({ response_action: 'errors', errors: fieldErrors(early.error.details, fields) });
      return;
    }
    if (early && 'ok' in early && early.ok.refused) {
      await refuse(early.ok.message ?? 'You may not do this.');
      return;
    }
    if (early && 'repeat' in early) {
      await refuse(
        'This form was already sent with these answers. Close it, or change an answer to send it again.',
      );
      return;
    }
    await ack();
    const settled = await outcome;
    if ('repeat' in settled) return;
    if ('error' in settled) {
      if (!isUserError(settled.error)) ctx.logger.error('a form submission failed', { error: settled.error });
      await tellPerson(ctx, client, userId, undefined, {
        kind: 'notice',
        headline: 'That was not done',
        lines: [userMessage(settled.error)],
      });
      return;
    }
    await answer(ctx, client, userId, settled.ok);
  });
}

async function submit(
  ctx: SlackContext,
  key: string,
  user: { id: string; name: string },
  client: webApi.WebClient,
  submission: FormSubmission,
): Promise<Settled> {
  try {
    if (!(await ctx.deps.store.rememberOnce(key, ctx.deps.clock.now()))) return { repeat: true };
    const person = await ctx.people.lookup(user.id, user.name);
    const deps: CommandDeps = { ...ctx.deps, platform: ctx.platform };
    const outcome = await submitRegisteredForm(deps, {
      submission,
      by: person.actor,
      requester: slackRequester(client, ctx.deps.directory, person),
      resolveUser: async (id) => {
        const chosen = await ctx.people.lookup(id);
        return chosen.known ? chosen.actor : undefined;
      },
    });
    return { ok: outcome };
  } catch (error) {
    return { error };
  }
}

/** The outcome, ephemeral in the incident's channel (a DM if the person is not in it, or it is archived). */
async function answer(
  ctx: SlackContext,
  client: webApi.WebClient,
  userId: string,
  outcome: CommandOutcome,
): Promise<void> {
  if (outcome.refreshCard && outcome.reference) await refreshCard(ctx, outcome.reference);
  const reply = outcomeReply(outcome);
  if (!reply) return;
  const incident = outcome.reference
    ? await loadIncident(ctx.deps.store, outcome.reference).catch(() => undefined)
    : undefined;
  await tellPersonMessage(ctx, client, userId, incident?.spaces.slack?.spaceId, reply);
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
