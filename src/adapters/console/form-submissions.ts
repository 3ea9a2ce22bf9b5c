/**
 * A console form, submitted. The SIO's notification form is checked before
 * anything is stored (a refusal sends the form back with each problem under
 * its field); a good one is claimed once by its submission key, the incident
 * saved, and only then announced, so an announcing failure can delay the
 * channel but never lose the report. The record-meeting form needs the
 * incident for its checks, so the use case itself refuses it, field by field;
 * so does an action's Add update form. The forms of the `/incident`
 * subcommands and checklist buttons (schedule a meeting, add an action, close…)
 * are the app's registered forms: rebuilt from their id and context, read, and
 * submitted through `submitRegisteredForm`, which checks access and refuses
 * bad answers by field.
 */
import { z } from 'zod';
import { type AnnounceResult, announceIncident } from '../../app/announce-incident.js';
import { announcedNotice } from '../../app/cards/announced-notice.js';
import { actionUpdateForm, submitActionUpdate } from '../../app/forms/action-update-form.js';
import { keepAnswers, problemsByField } from '../../app/forms/form-problems.js';
import { registeredForm, submitRegisteredForm } from '../../app/forms/form-registry.js';
import { checkNewIncident, type FormPeople } from '../../app/forms/new-incident-form.js';
import { recordMeetingForm, recordMeetingInputFrom } from '../../app/forms/record-meeting-form.js';
import { loadIncident, nowIn } from '../../app/incident-timeline.js';
import { openIncident } from '../../app/open-incident.js';
import { recordMeeting } from '../../app/record-meeting.js';
import { parseInput, referenceSchema } from '../../app/validate-input.js';
import { findAction } from '../../core/actions/action.js';
import { isMusterError } from '../../core/errors.js';
import { readFormSubmission } from '../cards/card-templates.js';
import { submissionKey, withPeopleChoices } from '../shared/card-forms.js';
import { refreshCard } from '../shared/refresh-card.js';
import { type ConsolePerson, canSeeChannel, consoleRequester, decideAccess } from './console-access.js';
import { type ConsoleContext, replyTo } from './console-context.js';
import { chosenActor, formReply, newIncidentFormFor, zoneOf } from './console-forms.js';
import { CONSOLE_PLATFORM, type ConsoleChannel } from './console-model.js';
import { commandDeps, renderOutcome, type SubmitAnswer } from './outcome-reply.js';

export type { SubmitAnswer } from './outcome-reply.js';

export async function submitNewIncident(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  data: Record<string, unknown>,
): Promise<SubmitAnswer> {
  const { directory, store, clock } = ctx.deps;
  const form = newIncidentFormFor(ctx, person);
  const submission = readFormSubmission(form, data, zoneOf(ctx));
  const sio = chosenActor(directory, submission.values.sio);
  const reportedBy = chosenActor(directory, submission.values.reportedBy);
  const people: FormPeople = { ...(sio ? { sio } : {}), ...(reportedBy ? { reportedBy } : {}) };
  const check = checkNewIncident(ctx.deps, submission, people);
  if ('problems' in check) {
    return {
      ok: false,
      form: formReply(ctx, keepAnswers(form, submission), problemsByField(check.problems)),
    };
  }
  const key = submissionKey('console', submission);
  if (key && !(await store.rememberOnce(key, clock.now()))) {
    const text =
      'This form was already submitted, so nothing new was opened. /incident list shows the incident.';
    return { ok: false, reply: await replyTo(ctx, person, channel.id, { text }) };
  }
  const { incident } = await openIncident(ctx.deps, check.input);
  let result: AnnounceResult | undefined;
  try {
    result = await ctx.announcing.track(
      announceIncident({ ...ctx.deps, platform: ctx.platform }, incident.reference),
    );
  } catch (error) {
    // announceIncident records its own failures; this is the store itself failing. The incident is safe.
    ctx.logger.error('announcing an incident on the console failed', {
      reference: incident.reference,
      error,
    });
  }
  const space = result?.space && ctx.history.channel(result.space.id);
  const target =
    space && canSeeChannel(directory, space, person.contact.id, ctx.deps.coordinators)
      ? space.id
      : channel.id;
  const reply = await replyTo(ctx, person, target, {
    notice: announcedNotice(incident.reference, result, { label: 'the console', retry: 'on the next tick' }),
  });
  return { ok: true, channelId: target, reply };
}

const meetingContext = z.object({ context: z.object({ reference: z.string() }) });

export async function submitRecordMeeting(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  data: Record<string, unknown>,
): Promise<SubmitAnswer> {
  const posted = meetingContext.safeParse(data);
  if (!posted.success) {
    const text = 'This form names no incident. Open it again from the Record meeting button.';
    return { ok: false, reply: await replyTo(ctx, person, channel.id, { text }) };
  }
  const { directory, store, clock, protocol } = ctx.deps;
  const incident = await loadIncident(store, parseInput(referenceSchema, posted.data.context.reference));
  const access = await decideAccess(ctx.deps, ctx.history, incident, person);
  if (!access.allowed)
    return { ok: false, reply: await replyTo(ctx, person, channel.id, { text: access.reason }) };

  const form = withPeopleChoices(
    recordMeetingForm(incident, nowIn(clock, protocol), { platform: CONSOLE_PLATFORM }),
    directory,
  );
  const submission = readFormSubmission(form, data, zoneOf(ctx));
  const chair = chosenActor(directory, submission.values.chair);
  try {
    const { notice } = await recordMeeting(ctx.deps, recordMeetingInputFrom(submission, person.actor, chair));
    await refreshCard(ctx, incident.reference);
    return { ok: true, reply: await replyTo(ctx, person, channel.id, { notice }) };
  } catch (error) {
    if (!isMusterError(error, 'invalid_input')) throw error;
    return { ok: false, form: formReply(ctx, keepAnswers(form, submission), problemsByField(error.details)) };
  }
}

const actionUpdateContext = z.object({
  context: z.object({ reference: z.string(), actionNumber: z.string() }),
});

/** An action's Add update form: the same access check as its button, then the use case, field by field. */
export async function submitActionUpdateForm(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  data: Record<string, unknown>,
): Promise<SubmitAnswer> {
  const posted = actionUpdateContext.safeParse(data);
  if (!posted.success) {
    const text = 'This form names no action. Open it again from the Add update button.';
    return { ok: false, reply: await replyTo(ctx, person, channel.id, { text }) };
  }
  const { store } = ctx.deps;
  const incident = await loadIncident(store, parseInput(referenceSchema, posted.data.context.reference));
  const access = await decideAccess(ctx.deps, ctx.history, incident, person);
  if (!access.allowed)
    return { ok: false, reply: await replyTo(ctx, person, channel.id, { text: access.reason }) };
  const form = actionUpdateForm(
    incident,
    findAction(incident.actions ?? [], posted.data.context.actionNumber),
  );
  const submission = readFormSubmission(form, data, zoneOf(ctx));
  try {
    const { action } = await submitActionUpdate(ctx.deps, submission, person.actor);
    const text = `Action ${action.number} updated (${action.rag.toUpperCase()}): ${action.updates.at(-1)?.text ?? ''}`;
    return { ok: true, reply: await replyTo(ctx, person, channel.id, { text }) };
  } catch (error) {
    if (!isMusterError(error, 'invalid_input')) throw error;
    return { ok: false, form: formReply(ctx, keepAnswers(form, submission), problemsByField(error.details)) };
  }
}

/** The strings of a posted context (`{ reference, meetingId… }`); anything else in it is ignored. */
function postedContext(data: Record<string, unknown>): Record<string, string> {
  const context = data.context;
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return {};
  return Object.fromEntries(
    Object.entries(context).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * A registered form (`isRegisteredForm`): rebuilt as it was opened, read, and
 * handed to its use case. Refused answers bring the form back with what was
 * typed kept and each problem under its field; nothing is stored.
 */
export async function submitCommandForm(
  ctx: ConsoleContext,
  person: ConsolePerson,
  channel: ConsoleChannel,
  formId: string,
  data: Record<string, unknown>,
): Promise<SubmitAnswer> {
  const deps = commandDeps(ctx);
  const { directory } = ctx.deps;
  const form = withPeopleChoices(await registeredForm(deps, formId, postedContext(data)), directory);
  const submission = readFormSubmission(form, data, zoneOf(ctx));
  try {
    const outcome = await submitRegisteredForm(deps, {
      submission,
      by: person.actor,
      requester: consoleRequester(ctx.history, person),
      resolveUser: async (id) => chosenActor(directory, id),
    });
    return await renderOutcome(ctx, person, channel, outcome);
  } catch (error) {
    if (!isMusterError(error, 'invalid_input')) throw error;
    const errors = problemsByField(error.details);
    // A refusal that names no field is still shown, at the top of the form.
    if (Object.keys(errors).length === 0) errors.form = error.message;
    return { ok: false, form: formReply(ctx, keepAnswers(form, submission), errors) };
  }
}
