/**
 * A refused form, on any platform: which field each problem belongs to (a
 * use case's problem paths are field ids, `knockOnAreas.1` → `knockOnAreas`)
 * and the form again with the person's answers kept, so fixing one field
 * does not mean retyping the rest. How errors are shown is the platform's.
 */
import type { ProblemDetail } from '../../core/errors.js';
import type { FormDefinition, FormSubmission } from './form-model.js';

/** The field a problem is about: the first segment of its path (`''` for the form as a whole). */
export function problemField(problem: ProblemDetail): string {
  return problem.path.split('.')[0] ?? '';
}

/** Problems by field id, the first per field, as a sentence; a problem of the whole form goes under `form`. */
export function problemsByField(problems: ProblemDetail[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const field = problemField(problem) || 'form';
    errors[field] ??= problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  }
  return errors;
}

/** The form again with what was submitted filled in. */
export function keepAnswers(form: FormDefinition, submission: FormSubmission): FormDefinition {
  return {
    ...form,
    context: { ...form.context, ...submission.context },
    fields: form.fields.map((field) => {
      const value = submission.values[field.id];
      // A half-filled date and time is not an instant; showing it would invent the missing half.
      const usable = field.kind === 'datetime' ? typeof value === 'string' && value.includes('T') : true;
      const { initial: _dropped, ...rest } = field;
      return value !== undefined && usable ? { ...rest, initial: value } : rest;
    }),
  };
}
