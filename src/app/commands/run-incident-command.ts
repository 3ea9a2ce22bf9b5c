/**
 * Runs the `/incident` subcommands that act on one incident, the same way on
 * every platform: find the incident (this space's, or the reference typed),
 * check the person may act on it (members of its space and coordinators),
 * then the subcommand. Exporting the minutes or the report (which circulate
 * to List 1) is further gated to the SIO, coordinators and List 1 contacts
 * (roles.ts). A refusal changes nothing but the incident's audit (an
 * `access.refused` event) and comes back as a message for the person alone;
 * bad input changes nothing. Platforms render the outcome.
 */
import type { Actor } from '../../core/actor.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import { checkAccess, type PendingRequester } from '../access.js';
import { incidentInSpace } from '../incident-status.js';
import { loadIncident } from '../incident-timeline.js';
import { exportRefusal, mayExportCirculated, recordRefusal } from '../roles.js';
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
    { ...requester, actorId: request.by.id, ...(inItsSpace ? { isSpaceMember: true } : {}) },
    deps.coordinators,
  );
  const who = { by: request.by, ...requester };
  if (!access.allowed) {
    await recordRefusal(deps, incident, who, commandAsked(request.command));
    return { reference: incident.reference, message: access.reason, refused: true };
  }
  const { command } = request;
  if (command.kind === 'export' && command.what !== 'plan' && !mayExportCirculated(deps, incident, who)) {
    await recordRefusal(deps, incident, who, `export the ${command.what}`);
    return {
      reference: incident.reference,
      message: exportRefusal(deps.directory, incident, command.what),
      refused: true,
    };
  }
  const scope: CommandScope = { incident, by: request.by, requester };
  const outcome = await dispatch(deps, scope, command);
  return { reference: incident.reference, ...outcome };
}

/** What the person asked for, for the audit of a refusal ("run /incident export report"). */
function commandAsked(command: IncidentScopedCommand): string {
  switch (command.kind) {
    case 'meeting':
      return `run /incident meeting ${command.step}`;
    case 'export':
      return `run /incident export ${command.what}`;
    default:
      return `run /incident ${command.kind.replace('-', ' ')}`;
  }
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
