/**
 * What to tell a person, on any platform, when their request failed: a
 * Muster error says what to do next in its own words; anything else is ours
 * to fix, so the person gets an apology and the details go to the log only.
 */
import { isMusterError } from '../core/errors.js';

export function userMessage(error: unknown, fallback = 'Something went wrong on Muster’s side.'): string {
  if (isMusterError(error)) {
    // A detail that only repeats the message (a form field's copy of it) is said once.
    const lines = error.details
      .filter((d) => !sameWords(d.message, error.message))
      .map((d) => `• ${d.path ? `${d.path}: ` : ''}${d.message}`);
    return [error.message, ...lines].join('\n');
  }
  return `${fallback} It has been logged; please try again in a minute, or tell your CSP coordinator.`;
}

/** "Attach the plan." and "attach the plan" say the same. */
function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.trim().replace(/[.!:;]+$/, '').toLowerCase();
  return words(a) === words(b);
}

/**
 * `true` for errors a person caused and can fix (bad input, unknown incident,
 * a change the incident's state refuses, such as snoozing a met milestone),
 * which are not logged as failures.
 */
export function isUserError(error: unknown): boolean {
  return (
    isMusterError(error, 'invalid_input') ||
    isMusterError(error, 'not_found') ||
    isMusterError(error, 'invalid_transition') ||
    isMusterError(error, 'conflict')
  );
}
