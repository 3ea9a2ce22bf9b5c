/**
 * `muster directory validate FILE`: checks a directory (JSON, or the
 * coordinators' CSV) and either summarises it or lists every problem.
 */
import { loadDirectoryFromPath } from '../adapters/directory/directory-file.js';
import type { Directory } from '../core/directory/directory-schema.js';
import { HELP_OPTION, parseCommandArgs } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK } from './cli-io.js';

const OPTIONS = { ...HELP_OPTION, partnership: { type: 'string' } } as const;

const HELP = `Usage: muster directory validate FILE [--partnership NAME]

Checks an agency directory, a .json file or a .csv export, and prints how many
areas, agencies and contacts it holds. If it is not valid, every problem is
listed (with its path or CSV row) and the exit code is 2.

Options:
  --partnership NAME   the partnership a CSV belongs to (default: from the file name)
  -h, --help           show this help`;

export const directoryValidateCommand: CliCommand = {
  name: 'directory validate',
  summary: 'check a directory file (.json or .csv) and list every problem',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals, help } = parseCommandArgs('directory validate', args, OPTIONS, 1);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const file = positionals[0];
    if (!file) throw new CliUsageError('directory validate: give the directory FILE to check');
    const directory = await loadDirectoryFromPath(
      file,
      values.partnership ? { partnership: values.partnership } : {},
    );
    io.stdout(`OK: ${file}: ${directorySummary(directory)}\n`);
    return EXIT_OK;
  },
};

export function directorySummary(directory: Directory): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    `${directory.partnership}:`,
    `${count(directory.areas.length, 'area', 'areas')},`,
    `${count(directory.agencies.length, 'agency', 'agencies')},`,
    count(directory.contacts.length, 'contact', 'contacts'),
  ].join(' ');
}
