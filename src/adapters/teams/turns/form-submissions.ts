/**
 * A Muster form submitted on Teams (cards/form.json posts `{ formId,
 * context }` with its inputs). Each form is rebuilt from its id and context,
 * read with `readFormSubmission` and handed to its use case, as on the
 * console: the SIO's notification form is checked before anything is stored
 * and counted once by its submission key, then the incident is opened and
 * announced; the record-meeting and action-update forms and every form of
 * the app's registry are refused by their use case field by field. A refusal
 * is the same form again, the answers kept and each problem under its field.
 */
import { z } from 'zod';
import { checkAccess } from '../../../app/access.js';
import { type AnnounceResult, announceIncident } from '../../../app/announce-incident.js';
import { announcedNotice } from '../../../app/cards/announced-notice.js';
import type { CommandDeps } from '../../../app/commands/command-outcome.js';
import { actionUpdateForm, submitActionUpdate } from '../../../app/forms/action-update-form.js';
import type { FormDefinition, FormSubmission } from '../../../app/forms/form-model.js';
import { keepAnswers, problemsByField } from '../../../app/forms/form-problems.js';
import { registeredForm, submitRegisteredForm } from '../../../app/forms/form-registry.js';
import { checkNewIncident, type FormPeople } from '../../../app/forms/new-incident-form.js';
import { recordMeetingForm, recordMeetingInputFrom } from '../../../app/forms/record-meeting-form.js';
import { loadIncident, nowIn } from '../../../app/incident-timeline.js';
import { openIncident } from '../../../app/open-incident.js';
import { recordMeeting } from '../../../app/record-meeting.js';
import { parseInput, referenceSchema } from '../../../app/validate-input.js';
import { findAction } from '../../../core/actions/action.js';
import { isMusterError } from '../../../core/errors.js';
import type { Incident } from '../../../core/incident/incident.js';
import { readFormSubmission } from '../../cards/card-templates.js';
import { submissionKey } from '../../shared/card-forms.js';
import { refreshCard } from '../../shared/refresh-card.js';
import type { TeamsContext } from '../teams-context.js';
import { outcomeAnswer, type TurnAnswer, textAnswer } from './answers.js';
import { newIncidentFormFor } from './commands.js';
import { requesterOf, type TeamsPerson, type TeamsWhere } from './turn-facts.js';

export interface FormTurn {
  person: TeamsPerson;
  where: TeamsWhere;
  /** What the card posted: the inputs, `formId` and `context`. */
  data: Record<string, unknown>;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function submitNewIncident(ctx: TeamsContext, turn: FormTurn): Promise<TurnAnswer> {
  const { directory, store, clock } = ctx.deps;
  const form = newIncidentFormFor(ctx, turn.person);
  const submission = readFormSubmission(form, turn.data, ctx.zone);
  const [sio, reportedBy] = await Promise.all([
    ctx.users.chosenActor(directory, one(submission.values.sio)),
    ctx.users.chosenActor(directory, one(submission.values.reportedBy)),
  ]);
  const people: FormPeople = { ...(sio ? { sio } : {}), ...(reportedBy ? { reportedBy } : {}) };
  const check = checkNewIncident(ctx.deps, submission, people);
  if ('problems' in check) return refused(form, submission, problemsByField(check.problems));
  const key = submissionKey('teams', submission);
  if (key && !(await store.rememberOnce(key, clock.now()))) {
    return textAnswer(
      'This form was already submitted, so nothing new was opened. Type "incident list" to see the incident.',
    );
  }
  const { incident } = await openIncident(ctx.deps, check.input);
  let result: AnnounceResult | undefined;
  try {
    result = await ctx.announcing.track(
      announceIncident({ ...ctx.deps, platform: ctx.platform }, incident.reference),
    );
  } catch (error) {
    // announceIncident records its own failures; this is the store itself failing. The incident is safe.
    ctx.logger.error('announcing an incident on Teams failed', { reference: incident.reference, error });
  }
  const card = announcedNotice(incident.reference, result, { label: 'Teams', retry: 'every minute' });
  return { kind: 'card', card };
}

const referenceContext = z.object({ context: z.object({ reference: z.string() }) });

export async function submitRecordMeeting(ctx: TeamsContext, turn: FormTurn): Promise<TurnAnswer> {
  const incident = await formIncident(ctx, turn, 'Open it again from the Record meeting button.');
  if ('refused' in incident) return textAnswer(incident.refused);
  const { clock, protocol, directory } = ctx.deps;
  const form = recordMeetingForm(incident, nowIn(clock, protocol));
  const submission = readFormSubmission(form, turn.data, ctx.zone);
  const chair = await ctx.users.chosenActor(directory, one(submission.values.chair));
  try {
    const { notice } = await recordMeeting(
      ctx.deps,
      recordMeetingInputFrom(submission, turn.person.actor, chair),
    );
    await refreshCard(ctx, incident.reference);
    return { kind: 'card', card: notice };
  } catch (error) {
    if (!isMusterError(error, 'invalid_input')) throw error;
    return refused(form, submission, problemsByField(error.details));
  }
}

const actionContext = z.object({ context: z.object({ reference: z.string(), actionNumber: z.string() }) });

export async function submitActionUpdateForm(ctx: TeamsContext, turn: FormTurn): Promise<TurnAnswer> {
  const posted = actionContext.safeParse(turn.data);
  if (!posted.success)
    return textAnswer('This form names no action. Open it again from the Add update button.');
  const incident = await formIncident(ctx, turn, 'Open it again from the Add update button.');
  if ('refused' in incident) return textAnswer(incident.refused);
  const form = actionUpdateForm(
    incident,
    findAction(incident.actions ?? [], posted.data.context.actionNumber),
  );
  const submission = readFormSubmission(form, turn.data, ctx.zone);
  try {
    const { action } = await submitActionUpdate(ctx.deps, submission, turn.person.actor);
    const latest = action.updates.at(-1)?.text ?? '';
    return textAnswer(`Action ${action.number} updated (${action.rag.toUpperCase()}): ${latest}`);
  } catch (error) {
    if (!isMusterError(error, 'invalid_input')) throw error;
    return refused(form, submission, problemsByField(error.details));
  }
}

/** Every form of the app's registry (schedule a meeting, add an action, close…), by its id. */
export async function submitRegistered(
  ctx: TeamsContext,
  turn: FormTurn,
  formId: string,
): Promise<TurnAnswer> {
  const deps: CommandDeps = { ...ctx.deps, platform: ctx.platform };
  const posted = z.record(z.string(), z.string()).safeParse(turn.data.context);
  const form = await registeredForm(deps, formId, posted.success ? posted.data : {});
  const submission = readFormSubmission(form, turn.data, ctx.zone);
  try {
    const outcome = await submitRegisteredForm(deps, {
      submission,
      by: turn.person.actor,
      requester: requesterOf(ctx, turn.person, turn.where),
      resolveUser: (value) => ctx.users.chosenActor(ctx.deps.directory, value),
    });
    return await outcomeAnswer(ctx, outcome);
  } catch (error) {
    if (!isMusterError(error, 'invalid_input') || error.details.length === 0) throw error;
    return refused(form, submission, problemsByField(error.details));
  }
}

function refused(
  form: FormDefinition,
  submission: FormSubmission,
  errors: Record<string, string>,
): TurnAnswer {
  return { kind: 'form', form: keepAnswers(form, submission), errors };
}

/** The incident a form's context names, if the person may act on it. */
async function formIncident(
  ctx: TeamsContext,
  turn: FormTurn,
  reopen: string,
): Promise<Incident | { refused: string }> {
  const posted = referenceContext.safeParse(turn.data);
  if (!posted.success) return { refused: `This form names no incident. ${reopen}` };
  const incident = await loadIncident(
    ctx.deps.store,
    parseInput(referenceSchema, posted.data.context.reference),
  );
  const access = await checkAccess(
    ctx.deps.directory,
    incident,
    requesterOf(ctx, turn.person, turn.where),
    ctx.deps.coordinators,
  );
  return access.allowed ? incident : { refused: access.reason };
}
