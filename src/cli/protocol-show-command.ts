/**
 * `muster protocol show`: prints the protocol in force as JSON, the starting
 * point for a partnership writing its own (edit it, then point MUSTER_PROTOCOL
 * at the file). With --protocol it checks and echoes that file instead.
 */
import { HELP_OPTION, parseCommandArgs } from './cli-args.js';
import { type CliCommand, type CliIo, EXIT_OK } from './cli-io.js';
import { PROTOCOL_OPTION, protocolFor } from './cli-protocol.js';

const OPTIONS = { ...HELP_OPTION, ...PROTOCOL_OPTION } as const;

const HELP = `Usage: muster protocol show [--protocol FILE]

Prints the protocol Muster runs (the Northamptonshire Tactical Response
procedure unless MUSTER_PROTOCOL or --protocol names another) as JSON, with
every default filled in. Save it, edit the milestones, deadlines, reminders
and calendar, and set MUSTER_PROTOCOL to the file: an invalid file is refused
with every problem listed.

Options:
  --protocol FILE   a protocol JSON file to check and print
  -h, --help        show this help

Example:
  muster protocol show > my-protocol.json`;

export const protocolShowCommand: CliCommand = {
  name: 'protocol show',
  summary: 'print the protocol in force as JSON (a template for your own)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, help } = parseCommandArgs('protocol show', args, OPTIONS, 0);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const protocol = await protocolFor(values.protocol, io);
    io.stdout(`${JSON.stringify(protocol, null, 2)}\n`);
    return EXIT_OK;
  },
};
