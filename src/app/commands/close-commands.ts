/**
 * `/incident close` and `/incident reopen [reason]`. Only the incident's SIO
 * or a CSP coordinator may do either (issue 6); anyone else is told who can,
 * and the refusal is audited. Closing asks for a reason in a form (the form's
 * submit closes and archives the space); reopening brings the archived space
 * back first, then the incident where it left off.
 */
import { ErrorCode, MusterError } from '../../core/errors.js';
import { canTransition } from '../../core/incident/incident.js';
import { STATUS_LABELS } from '../cards/incident-card.js';
import { checkCloseRole, refuseWhileMeetingRuns } from '../close-incident.js';
import { closeIncidentForm } from '../forms/close-incident-form.js';
import { reopenIncident, unarchiveIncidentSpace } from '../reopen-incident.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';

export async function closeCommand(deps: CommandDeps, scope: CommandScope): Promise<CommandOutcome> {
  const { incident, by, requester } = scope;
  const role = await checkCloseRole(deps, incident, { by, ...requester }, 'close');
  if (!role.allowed) return { refused: true, message: role.reason };
  if (!canTransition(incident.status, 'closed')) {
    throw new MusterError(
      ErrorCode.InvalidTransition,
      `${incident.reference} is already closed. To work on it again: /incident reopen ${incident.reference} [reason].`,
    );
  }
  // Said before the form opens, not after the reason is typed.
  refuseWhileMeetingRuns(incident);
  return { form: closeIncidentForm(incident) };
}

export async function reopenCommand(
  deps: CommandDeps,
  scope: CommandScope,
  reason?: string,
): Promise<CommandOutcome> {
  const { incident, by, requester } = scope;
  const role = await checkCloseRole(deps, incident, { by, ...requester }, 'reopen');
  if (!role.allowed) return { refused: true, message: role.reason };
  // An incident that is not closed is refused by reopenIncident; its space is left alone.
  const unarchived =
    incident.status === 'closed' && (await unarchiveIncidentSpace(deps, incident.reference, by));
  const reopened = await reopenIncident(deps, {
    reference: incident.reference,
    by,
    ...(reason ? { reason } : {}),
  });
  const space = unarchived ? ' Its channel is back from the archive.' : '';
  return {
    message: `${reopened.reference} is reopened: ${STATUS_LABELS[reopened.status]}.${space} Its reminders are planned again from the timeline as it stands.`,
    refreshCard: true,
  };
}
