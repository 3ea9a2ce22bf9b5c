/**
 * Runs a parsed `/directory` command for any platform: the contact form to
 * open, or what to tell the person, in plain words with the next step.
 * Refusals and bad input come back as the message with `refused` (nothing
 * changed); anything unexpected is thrown for the platform's usual
 * "something went wrong" handling.
 */
import type { Actor } from '../../core/actor.js';
import { isMusterError } from '../../core/errors.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { openDirectoryContactForm } from '../forms/directory-contact-form.js';
import { isUserError } from '../user-message.js';
import { DIRECTORY_HELP, type DirectoryCommand } from './directory-command.js';
import { type DirectoryEditor, removeContact, setAgencyLists, setCoordinator } from './edit-directory.js';
import { refreshDirectory } from './live-directory.js';
import { showDirectory } from './show-directory.js';

export interface DirectoryCommandRequest {
  command: DirectoryCommand;
  by: Actor;
  /** What the platform knows of the person, for the coordinator check. */
  requester: { contactId?: string; email?: string };
}

export async function runDirectoryCommand(
  deps: CommandDeps,
  request: DirectoryCommandRequest,
): Promise<CommandOutcome> {
  try {
    return await run(deps, request);
  } catch (error) {
    // A typed command has no fields to show problems under: its message says it all.
    if (isUserError(error) && isMusterError(error)) return { message: error.message, refused: true };
    throw error;
  }
}

async function run(
  deps: CommandDeps,
  { command, by, requester }: DirectoryCommandRequest,
): Promise<CommandOutcome> {
  const who: DirectoryEditor = { by, requester };
  switch (command.kind) {
    case 'help':
      return {
        message: [
          'Directory commands (anyone may look; only CSP coordinators change it):',
          ...DIRECTORY_HELP.map((h) => `• ${h.usage} — ${h.summary}`),
        ].join('\n'),
      };
    case 'invalid':
      return { message: `${capitalised(command.problem)}. Usage: ${command.usage}`, refused: true };
    case 'show':
      await refreshDirectory(deps);
      return { message: showDirectory(deps.directory, command.area) };
    case 'contact-new':
    case 'contact-edit':
      // Today's directory: a coordinator made on another replica a moment ago, the contact's latest details.
      await refreshDirectory(deps);
      return openDirectoryContactForm(
        deps,
        who,
        command.kind === 'contact-edit' ? command.contactId : undefined,
      );
    case 'remove':
      return removeContact(deps, who, command.contactId);
    case 'lists':
      return setAgencyLists(deps, who, command);
    case 'coordinator':
      return setCoordinator(deps, who, command);
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
