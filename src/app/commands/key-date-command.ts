/**
 * `/incident keydate add`: opens the key-date form (key-date-form.ts adds the
 * date and plans its reminders). A closed incident is refused here, before
 * anyone fills in a form for nothing: reopen it first.
 */
import { ErrorCode, MusterError } from '../../core/errors.js';
import { keyDateForm } from '../forms/key-date-form.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';

export async function keyDateCommand(deps: CommandDeps, scope: CommandScope): Promise<CommandOutcome> {
  const { incident } = scope;
  if (incident.status === 'closed') {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} is closed. Reopen it (/incident reopen) before adding key dates.`,
    );
  }
  return { form: keyDateForm(deps, incident) };
}
