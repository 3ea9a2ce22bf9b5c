/**
 * What the platforms that show forms as Adaptive Cards (the console, Teams)
 * do alike to a form: offer the directory's contacts in every person field
 * (neither can search its own user list inside a card), and give a form a
 * one-off submission key so a double click counts once. Kept here so neither
 * adapter imports the other.
 */
import { randomUUID } from 'node:crypto';
import type { FormDefinition, FormSubmission } from '../../app/forms/form-model.js';
import type { Directory } from '../../core/directory/directory-schema.js';

/** The context key that makes a form's submission count once (a double click opens one incident). */
export const SUBMISSION_KEY = 'submission';
/** A key the platform made (a UUID); anything else posted back is ignored rather than remembered. */
const SAFE_KEY = /^[A-Za-z0-9-]{8,64}$/;

/** Every `user` field offers the directory's contacts, named with their agency so two Alexes are told apart. */
export function withPeopleChoices(form: FormDefinition, directory: Directory): FormDefinition {
  const agency = (id: string) => directory.agencies.find((a) => a.id === id)?.name ?? id;
  const choices = directory.contacts.map((c) => ({ value: c.id, label: `${c.name} (${agency(c.agency)})` }));
  return { ...form, fields: form.fields.map((f) => (f.kind === 'user' ? { ...f, choices } : f)) };
}

/** The form with a fresh submission key in its context, the rest of its context kept. */
export function withSubmissionKey(form: FormDefinition): FormDefinition {
  return { ...form, context: { ...form.context, [SUBMISSION_KEY]: randomUUID() } };
}

/**
 * The key a submission is remembered by on `platform` (`console:form:…`), if
 * the posted context carries a well-formed one.
 */
export function submissionKey(platform: string, submission: FormSubmission): string | undefined {
  const key = submission.context[SUBMISSION_KEY];
  return key && SAFE_KEY.test(key) ? `${platform}:form:${key}` : undefined;
}
