/**
 * What a command form is to the registry: how to rebuild it from its context
 * (to read a submission and to show it again refused) and how to submit it.
 * Kept apart from the registry, which imports every handler, so a handler can
 * name its own type without an import cycle.
 */
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import type { PendingRequester } from '../access.js';
import type { CommandDeps, CommandOutcome, CommandScope } from '../commands/command-outcome.js';
import type { FormDefinition, FormSubmission } from './form-model.js';

export interface FormSubmitScope extends CommandScope {
  /** Turns a `user` field's value (a Slack user id, a console contact id) into the person. */
  resolveUser: (value: string) => Promise<Actor | undefined>;
}

export interface FormHandler {
  id: string;
  /** The form as it was opened, from its context: to read a submission and to show it again refused. */
  rebuild(deps: CommandDeps, incident: Incident, context: Record<string, string>): FormDefinition;
  /** Runs the form's use case; throws `invalid_input` naming form field ids when the answers are refused. */
  submit(deps: CommandDeps, scope: FormSubmitScope, submission: FormSubmission): Promise<CommandOutcome>;
}

/** Who submits a partnership form: no incident, so no incident access check; the handler gates it. */
export interface PartnershipFormScope {
  by: Actor;
  requester: PendingRequester;
  resolveUser: (value: string) => Promise<Actor | undefined>;
}

/**
 * A form about the partnership rather than one incident (a directory contact,
 * a strategic plan's update): its context names no incident, and the handler
 * itself decides who may submit it (coordinators, an action's lead) and says
 * so in a refused outcome.
 */
export interface PartnershipFormHandler {
  id: string;
  scope: 'partnership';
  rebuild(deps: CommandDeps, context: Record<string, string>): FormDefinition | Promise<FormDefinition>;
  /** Throws `invalid_input` naming form field ids when the answers are refused; nothing is written then. */
  submit(deps: CommandDeps, scope: PartnershipFormScope, submission: FormSubmission): Promise<CommandOutcome>;
}
