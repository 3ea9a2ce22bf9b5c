/**
 * The forms the `/incident` subcommands and the checklist buttons open, and
 * the one way any platform submits them: find the form by its id, load the
 * incident its context names, check the person may act on it, then the
 * form's own use case. A refusal of the answers is `invalid_input` naming the
 * fields, which the platform shows under them (rebuilding the form with
 * `registeredForm`, the person's answers kept); nothing is half-written. A
 * person who may not act on the incident is refused, and the refusal audited.
 *
 * Partnership forms (the directory, the strategic plan) name no incident:
 * the registry skips the incident and its access check, and the handler
 * decides who may submit (coordinators, an action's lead).
 *
 * The SIO's notification form, the record-meeting form and an action
 * reminder's Add update form keep their own handlers (they came first).
 */
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import { checkAccess, type PendingRequester } from '../access.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { loadIncident } from '../incident-timeline.js';
import { recordRefusal } from '../roles.js';
import { parseInput, referenceSchema } from '../validate-input.js';
import { addActionFormHandler } from './add-action-form.js';
import {
  attendanceFormHandler,
  checklistItemFormHandler,
  signsOfSafetyFormHandler,
} from './checklist-forms.js';
import { closeIncidentFormHandler } from './close-incident-form.js';
import { directoryContactFormHandler } from './directory-contact-form.js';
import type { FormHandler, PartnershipFormHandler } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import { keyDateFormHandler } from './key-date-form.js';
import { planUpdateFormHandler } from './plan-update-form.js';
import { progressUpdateFormHandler } from './progress-update-form.js';
import { promoteToPlanFormHandler } from './promote-to-plan-form.js';
import { scheduleMeetingFormHandler } from './schedule-meeting-form.js';

export type {
  FormHandler,
  FormSubmitScope,
  PartnershipFormHandler,
  PartnershipFormScope,
} from './form-handler.js';

const HANDLERS: readonly (FormHandler | PartnershipFormHandler)[] = [
  scheduleMeetingFormHandler,
  addActionFormHandler,
  progressUpdateFormHandler,
  keyDateFormHandler,
  closeIncidentFormHandler,
  checklistItemFormHandler,
  attendanceFormHandler,
  signsOfSafetyFormHandler,
  directoryContactFormHandler,
  promoteToPlanFormHandler,
  planUpdateFormHandler,
];

const BY_ID = new Map(HANDLERS.map((h) => [h.id, h]));

export function isRegisteredForm(formId: string): boolean {
  return BY_ID.has(formId);
}

function handlerFor(formId: string): FormHandler | PartnershipFormHandler {
  const handler = BY_ID.get(formId);
  if (!handler)
    throw new MusterError(ErrorCode.InvalidInput, `Muster has no form "${formId}". Open it again.`);
  return handler;
}

/** The incident a form's context names. */
export async function formIncident(deps: CommandDeps, context: Record<string, string>): Promise<Incident> {
  if (!context.reference) {
    throw new MusterError(
      ErrorCode.InvalidInput,
      'This form names no incident. Open it again from its command or button.',
    );
  }
  return loadIncident(deps.store, parseInput(referenceSchema, context.reference));
}

/** The form rebuilt from its id and context (for reading a submission, or showing it again with errors). */
export async function registeredForm(
  deps: CommandDeps,
  formId: string,
  context: Record<string, string>,
): Promise<FormDefinition> {
  const handler = handlerFor(formId);
  if (isPartnershipForm(handler)) return handler.rebuild(deps, context);
  return handler.rebuild(deps, await formIncident(deps, context), context);
}

function isPartnershipForm(handler: FormHandler | PartnershipFormHandler): handler is PartnershipFormHandler {
  return 'scope' in handler && handler.scope === 'partnership';
}

export interface FormSubmitRequest {
  submission: FormSubmission;
  by: Actor;
  requester: PendingRequester | (() => Promise<PendingRequester>);
  resolveUser: (value: string) => Promise<Actor | undefined>;
}

export async function submitRegisteredForm(
  deps: CommandDeps,
  request: FormSubmitRequest,
): Promise<CommandOutcome> {
  const handler = handlerFor(request.submission.formId);
  const requester = typeof request.requester === 'function' ? await request.requester() : request.requester;
  if (isPartnershipForm(handler)) {
    return handler.submit(
      deps,
      {
        by: request.by,
        requester: { ...requester, actorId: request.by.id },
        resolveUser: request.resolveUser,
      },
      request.submission,
    );
  }
  const incident = await formIncident(deps, request.submission.context);
  const access = await checkAccess(
    deps.directory,
    incident,
    { ...requester, actorId: request.by.id },
    deps.coordinators,
  );
  if (!access.allowed) {
    await recordRefusal(deps, incident, { by: request.by, ...requester }, `submit the ${handler.id} form`);
    return { reference: incident.reference, message: access.reason, refused: true };
  }
  const outcome = await handler.submit(
    deps,
    { incident, by: request.by, requester, resolveUser: request.resolveUser },
    request.submission,
  );
  return { reference: incident.reference, ...outcome };
}
