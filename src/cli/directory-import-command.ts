/**
 * `muster directory import CSV --out FILE`: turns the coordinators'
 * spreadsheet export into the JSON directory the bot loads. Nothing is
 * written unless every row is good, and an existing file is kept unless
 * `--force` says otherwise.
 */
import { access } from 'node:fs/promises';
import { extname } from 'node:path';
import { DirectoryFile, loadDirectoryFromPath } from '../adapters/directory/directory-file.js';
import { HELP_OPTION, parseCommandArgs, requireOption } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK } from './cli-io.js';
import { directorySummary } from './directory-validate-command.js';

const OPTIONS = {
  ...HELP_OPTION,
  out: { type: 'string' },
  partnership: { type: 'string' },
  force: { type: 'boolean' },
} as const;

const HELP = `Usage: muster directory import CSV --out FILE [--partnership NAME] [--force]

Reads a directory CSV (columns area,agency,lists,name,email,role,slack_id,
teams_id,coordinator) and writes it as a JSON directory. If any row is bad,
every problem is listed, nothing is written and the exit code is 2.

Options:
  --out FILE           the JSON file to write (required)
  --partnership NAME   the partnership's name (default: from the CSV's file name)
  --force              replace FILE if it already exists
  -h, --help           show this help`;

export const directoryImportCommand: CliCommand = {
  name: 'directory import',
  summary: 'convert a directory CSV into the JSON directory file',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals, help } = parseCommandArgs('directory import', args, OPTIONS, 1);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const csv = positionals[0];
    if (!csv) throw new CliUsageError('directory import: give the CSV file to import');
    if (extname(csv).toLowerCase() !== '.csv')
      throw new CliUsageError(`directory import: ${csv} is not a .csv file`);
    const out = requireOption('directory import', '--out', values.out, 'the JSON file to write');
    if (extname(out).toLowerCase() !== '.json') throw new CliUsageError(`--out: ${out} should end in .json`);
    if (!values.force && (await exists(out))) {
      throw new CliUsageError(`--out: ${out} already exists; add --force to replace it`);
    }
    const directory = await loadDirectoryFromPath(
      csv,
      values.partnership ? { partnership: values.partnership } : {},
    );
    await new DirectoryFile(out).save(directory);
    io.stdout(`Wrote ${out}: ${directorySummary(directory)}\n`);
    return EXIT_OK;
  },
};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
