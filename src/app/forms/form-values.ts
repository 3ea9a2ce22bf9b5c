/**
 * Reading the answers of the command forms (schedule a meeting, add an
 * action, progress update, key date) the same way: one trimmed value or
 * several, the person a `user` field names, the directory's agencies as
 * choices, and a use case's problem paths moved onto the field ids the form
 * uses, so every refusal lands under the field that is wrong.
 */
import { RAGS } from '../../core/actions/rag.js';
import type { Actor } from '../../core/actor.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, isMusterError, type ProblemDetail } from '../../core/errors.js';
import { invalidInput } from '../validate-input.js';
import type { FieldChoice, FormField, FormSubmission } from './form-model.js';

export type FormValues = FormSubmission['values'];

import type { FormSubmitScope } from './form-handler.js';

export type { FormSubmitScope };

/** One answer, trimmed; undefined when blank. */
export function one(values: FormValues, id: string): string | undefined {
  const value = values[id];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

/** Every answer of a multi-select (a single value counts as one), blanks left out. */
export function many(values: FormValues, id: string): string[] {
  const value = values[id];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => v.trim()).filter((v) => v.length > 0);
}

/** The person's id on `platform` when the actor came from it (`slack:U123` → `U123`), to preset a user field. */
export function platformUserId(actor: Actor, platform: string): string | undefined {
  return actor.id.startsWith(`${platform}:`) ? actor.id.slice(platform.length + 1) : undefined;
}

export function agencyChoices(directory: Directory): FieldChoice[] {
  return directory.agencies.map((a) => ({ value: a.id, label: a.name }));
}

const RAG_LABELS = { red: 'Red', amber: 'Amber (yellow)', green: 'Green' } as const;

/** Red, amber (seed 003's yellow) and green. */
export const RAG_CHOICES: FieldChoice[] = RAGS.map((rag) => ({ value: rag, label: RAG_LABELS[rag] }));

/** "What has happened since the last update?": an incident action's progress form and a plan round's. */
export const PROGRESS_FIELD: FormField = {
  id: 'progress',
  label: 'Progress',
  kind: 'textarea',
  required: true,
  maxLength: 2000,
  placeholder: 'What has happened since the last update?',
};

/** The directory agency ids given, each checked; unknown ones become a problem on `field`. */
export function checkedAgencies(
  directory: Directory,
  ids: readonly string[],
  field: string,
  problems: ProblemDetail[],
): string[] {
  const unknown = ids.filter((id) => !directory.agencies.some((a) => a.id === id));
  if (unknown.length > 0) {
    problems.push({
      path: field,
      message: `${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length === 1 ? 'is not an agency' : 'are not agencies'} in the directory: choose from the list`,
    });
  }
  return ids.filter((id) => !unknown.includes(id));
}

/** The person a `user` field names; a value Muster cannot place is a problem on that field. */
export async function checkedUser(
  scope: FormSubmitScope,
  value: string | undefined,
  field: string,
  problems: ProblemDetail[],
): Promise<Actor | undefined> {
  if (value === undefined) return undefined;
  const actor = await scope.resolveUser(value);
  if (!actor) problems.push({ path: field, message: 'Muster cannot find that person: choose someone else' });
  return actor;
}

/** A use case's problem paths (`priority.title`) as this form's field ids (`priorityTitle`). */
export function onFields(
  problems: readonly ProblemDetail[],
  fields: Record<string, string>,
): ProblemDetail[] {
  return problems.map((p) => {
    const field = fields[p.path] ?? fields[p.path.split('.')[0] ?? ''];
    return field ? { ...p, path: field } : p;
  });
}

/** Runs `write`; an `invalid_input` it throws comes back with its paths moved onto the form's fields. */
export async function withFieldPaths<T>(fields: Record<string, string>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isMusterError(error, ErrorCode.InvalidInput) && error.details.length > 0)
      throw invalidInput(onFields(error.details, fields), error.message);
    throw error;
  }
}
