/**
 * Runs the `/incident` subcommands that act on one incident, the same way on
 * every platform: find the incident (this space's, or the reference typed),
 * check the person may act on it (members of its space and coordinators),
 * then the subcommand. A refusal or bad input changes nothing and comes back
 * as a message for the person alone; platforms render the outcome.
 */
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import { checkAccess, type PendingRequester } from '../access.js';
import { loadIncident } from '../incident-timeline.js';
import { incidentInSpace } from '../incident-status.js';
import { parseInput, referenceSchema } from '../validate-input.js';
import { actionAddCommand, actionsCommand, updateCommand } from './action-commands.js';
import { closeCommand, reopenCommand } from './close-commands.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';
import { exportCommand } from './export-command.js';
import { keyDateCommand } from './key-date-command.js';
import type { IncidentScopedCommand } from './parse-incident-command.js';
import { endMeetingCommand, startMeetingCommand } from './run-meeting-commands.js';
import { scheduleMeetingCommand } from './schedule-meeting-command.js';
import { timelineCommand } from './timeline-command.js';

export interface CommandRequest {
  command: IncidentScopedCommand;
  /** Where the command was typed. */
  spaceId?: string;
  /** That space's name, when known (incident spaces are named after the reference). */
  spaceName?: string;
  by: Actor;
  /** Who asked; a function when finding out costs a platform call, made only if needed. */
  requester: PendingRequester | (() => Promise<PendingRequester>);
}

export async function runIncidentCommand(
  deps: CommandDeps,
  request: CommandRequest,
): Promise<CommandOutcome> {
  const incident = await findIncident(deps, request);
  const requester = typeof request.requester === 'function' ? await request.requester() : request.requester;
  const inItsSpace =
    request.spaceId !== undefined && incident.spaces[deps.platform.name]?.spaceId === request.spaceId;
  const access = await checkAccess(
    deps.directory,
    incident,
    inItsSpace ? { ...requester, isSpaceMember: true } : requester,
  );
  if (!access.allowed) return { reference: incident.reference, message: access.reason, refused: true };
  const scope: CommandScope = { incident, by: request.by, requester };
  const outcome = await dispatch(deps, scope, request.command);
  return { reference: incident.reference, ...outcome };
}

function dispatch(
  deps: CommandDeps,
  scope: CommandScope,
  command: IncidentScopedCommand,
): Promise<CommandOutcome> {
  switch (command.kind) {
    case 'meeting':
      switch (command.step) {
        case 'schedule':
          return scheduleMeetingCommand(deps, scope, command.meetingKind);
        case 'start':
          return startMeetingCommand(deps, scope, command.meetingKind);
        case 'end':
          return endMeetingCommand(deps, scope);
      }
      break;
    case 'action-add':
      return actionAddCommand(deps, scope, command.priority);
    case 'update':
      return updateCommand(deps, scope, command.actionNumber);
    case 'actions':
      return actionsCommand(deps, scope, command.filter);
    case 'export':
      return exportCommand(deps, scope, command.what, command.meetingId);
    case 'keydate-add':
      return keyDateCommand(deps, scope);
    case 'close':
      return closeCommand(deps, scope);
    case 'reopen':
      return reopenCommand(deps, scope, command.reason);
    case 'timeline':
      return timelineCommand(deps, scope);
  }
}

async function findIncident(deps: CommandDeps, request: CommandRequest): Promise<Incident> {
  const { reference } = request.command;
  if (reference) return loadIncident(deps.store, parseInput(referenceSchema, reference));
  const here = request.spaceId
    ? await incidentInSpace(deps.store, deps.platform.name, request.spaceId, request.spaceName)
    : undefined;
  if (here) return here;
  throw new MusterError(
    ErrorCode.NotFound,
    'This is not an incident channel. Run the command in the incident’s channel, or add its reference (SV-2027-0042); /incident list shows them.',
  );
}
