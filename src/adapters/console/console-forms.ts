/**
 * The app's forms as the console shows them: Adaptive Cards from `cards/`,
 * with every person field a choice of directory contacts (the console's user
 * ids are contact ids), and a refused form shown again with the person's
 * answers kept and each problem under its field.
 */
import type { FormDefinition } from '../../app/forms/form-model.js';
import { newIncidentForm } from '../../app/forms/new-incident-form.js';
import { nowIn } from '../../app/incident-timeline.js';
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { type AdaptiveCardJson, expandCard } from '../cards/card-templates.js';
import { withPeopleChoices, withSubmissionKey } from '../shared/card-forms.js';
import { type ConsolePerson, consoleActor } from './console-access.js';
import type { ConsoleContext } from './console-context.js';

export interface FormReply {
  formId: string;
  card: AdaptiveCardJson;
}

/** The SIO's notification form, the reporting officer preset to the person, with a fresh submission key. */
export function newIncidentFormFor(ctx: ConsoleContext, person: ConsolePerson): FormDefinition {
  const { directory, clock, protocol } = ctx.deps;
  const form = newIncidentForm(directory, nowIn(clock, protocol), person.contact.id);
  return withSubmissionKey(withPeopleChoices(form, directory));
}

export function formReply(
  ctx: ConsoleContext,
  form: FormDefinition,
  errors?: Record<string, string>,
): FormReply {
  const card = expandCard({ kind: 'form', form, ...(errors ? { errors } : {}) }, { zone: zoneOf(ctx) });
  return { formId: form.id, card };
}

/** The person chosen in a `user` field, as the actor the use case records. */
export function chosenActor(directory: Directory, value: string | string[] | undefined): Actor | undefined {
  const id = Array.isArray(value) ? value[0] : value;
  const contact = id ? directory.contacts.find((c) => c.id === id) : undefined;
  return contact ? consoleActor(contact) : undefined;
}

export function zoneOf(ctx: ConsoleContext): string {
  return ctx.deps.protocol.calendar.zone;
}
