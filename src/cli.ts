/**
 * `muster` / `npm run cli --`: picks the command from the first words of the
 * arguments and runs it. Bad input is one `muster: …` line on stderr and exit
 * code 2; an invalid file lists every problem. The commands live in src/cli/.
 */
import { pathToFileURL } from 'node:url';
import { systemClock } from './adapters/clock/system-clock.js';
import { openConfiguredStore } from './adapters/storage/open-store.js';
import {
  type CliCommand,
  type CliIo,
  CliUsageError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
} from './cli/cli-io.js';
import { dbImportLowdbCommand } from './cli/db-import-lowdb-command.js';
import { dbMigrateCommand } from './cli/db-migrate-command.js';
import { directoryImportCommand } from './cli/directory-import-command.js';
import { directoryValidateCommand } from './cli/directory-validate-command.js';
import { incidentShowCommand } from './cli/incident-show-command.js';
import { incidentsListCommand } from './cli/incidents-list-command.js';
import { planImportCommand } from './cli/plan-import-command.js';
import { protocolShowCommand } from './cli/protocol-show-command.js';
import { retentionPurgeCommand } from './cli/retention-purge-command.js';
import { timelineCommand } from './cli/timeline-command.js';
import { isMusterError } from './core/errors.js';

export const COMMANDS: readonly CliCommand[] = [
  timelineCommand,
  directoryValidateCommand,
  directoryImportCommand,
  incidentsListCommand,
  incidentShowCommand,
  protocolShowCommand,
  dbMigrateCommand,
  dbImportLowdbCommand,
  planImportCommand,
  retentionPurgeCommand,
];

export function usage(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: muster <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `muster <command> --help` for a command’s options.',
    'Environment: MUSTER_DATA_DIR (default ./data), MUSTER_PROTOCOL (a protocol file).',
  ].join('\n');
}

const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  if (isHelp(first) && argv.length === 1) {
    io.stdout(`${usage()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') return runCli([...argv.slice(1), '--help'], io);

  const command =
    COMMANDS.find((c) => c.name === `${first} ${second}`) ?? COMMANDS.find((c) => c.name === first);
  if (!command) {
    // `muster directory` alone, or `muster directory --help`: the group's commands.
    const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
    if (group.length > 0 && (second === undefined || isHelp(second))) {
      (isHelp(second) ? io.stdout : io.stderr)(`${usage(group)}\n`);
      return isHelp(second) ? EXIT_OK : EXIT_USAGE;
    }
    const what =
      first === undefined
        ? 'no command given'
        : `unknown command "${[first, second].filter(Boolean).join(' ')}"`;
    io.stderr(`muster: ${what}\n\n${usage()}\n`);
    return EXIT_USAGE;
  }

  try {
    return await command.run(argv.slice(command.name.split(' ').length), io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`muster: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isMusterError(error)) {
      io.stderr(`muster: ${error.describe()}\n`);
      return error.code === 'corrupt_data' ? EXIT_FAILURE : EXIT_USAGE;
    }
    io.stderr(`muster: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    clock: systemClock,
    openStore: (location, access) => openConfiguredStore(location, { readOnly: access.readOnly }),
  };
}

// Run when started directly (`tsx src/cli.ts`); bin/muster.mjs calls runCli itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
