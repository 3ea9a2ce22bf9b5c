/**
 * Reading the checklist forms' answers: one value per field, trimmed, and the
 * checks they share (an agency in the directory, a person the platform
 * knows, text of a sensible length), each adding a problem named by its field
 * id so all of a form's problems are reported at once.
 */
import type { Actor } from '../../core/actor.js';
import type { ProblemDetail } from '../../core/errors.js';
import type { CommandDeps } from '../commands/command-outcome.js';
import { type FormValues, one } from './form-values.js';

export const MAX_TEXT = 2000;

export type Values = FormValues;

export { one };

export function checkedAgency(
  deps: CommandDeps,
  id: string | undefined,
  path: string,
  problems: ProblemDetail[],
) {
  if (id === undefined || deps.directory.agencies.some((a) => a.id === id)) return id;
  problems.push({ path, message: `"${id}" is not an agency in the directory: choose one from the list` });
  return undefined;
}

export function checkedText(values: Values, id: string, what: string, problems: ProblemDetail[]) {
  const text = one(values, id);
  if (text && text.length > MAX_TEXT)
    problems.push({ path: id, message: `keep the ${what} under ${MAX_TEXT} characters` });
  return text;
}

/** What the form's scope offers to find a `user` field's person (kept structural: no import of the registry). */
interface UserResolver {
  resolveUser: (value: string) => Promise<Actor | undefined>;
}

export async function checkedUser(
  scope: UserResolver,
  values: Values,
  id: string,
  problems: ProblemDetail[],
): Promise<Actor | undefined> {
  const value = one(values, id);
  if (value === undefined) return undefined;
  const actor = await scope.resolveUser(value);
  if (!actor) problems.push({ path: id, message: 'Muster cannot find that person: choose someone else' });
  return actor;
}
