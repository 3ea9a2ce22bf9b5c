/**
 * `/incident meeting schedule [kind]`: opens the schedule-meeting form, with
 * the kind typed preselected (else the meeting the incident needs next). The
 * form's submission does the work (schedule-meeting-form.ts); a closed
 * incident is refused here, before anyone fills in a form for nothing.
 */
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { MeetingKind } from '../../core/meetings/meeting-kind.js';
import { scheduleMeetingForm } from '../forms/schedule-meeting-form.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';

export async function scheduleMeetingCommand(
  deps: CommandDeps,
  scope: CommandScope,
  kind?: MeetingKind,
): Promise<CommandOutcome> {
  const { incident } = scope;
  if (incident.status === 'closed') {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} is closed. Reopen it (/incident reopen) before scheduling meetings.`,
    );
  }
  return {
    form: scheduleMeetingForm(deps, incident, { reference: incident.reference, ...(kind ? { kind } : {}) }),
  };
}
