/**
 * `muster plan import FILE… --id PLAN --as CONTACT [--title TEXT]`: imports a
 * Serious Violence Duty plan from its spreadsheet(s) — CSV or XLSX, actions
 * and indicators — into the bot's store (PostgreSQL when DATABASE_URL is
 * set, else the data directory), as the coordinator `--as` names.
 * Chat platforms cannot always take an uploaded file with a command, so
 * this is the way in; everything after the import happens in chat (`/plan`).
 * Nothing is stored unless every row is good.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadDirectoryFromPath } from '../adapters/directory/directory-file.js';
import { refreshDirectory } from '../app/directory/live-directory.js';
import { importPlan } from '../app/plans/import-plan.js';
import { DEFAULT_DIRECTORY_PATH } from '../config.js';
import { HELP_OPTION, parseCommandArgs, requireOption } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK } from './cli-io.js';
import { withStore } from './cli-store.js';

const OPTIONS = {
  ...HELP_OPTION,
  id: { type: 'string' },
  as: { type: 'string' },
  title: { type: 'string' },
} as const;

const HELP = `Usage: muster plan import FILE [FILE…] --id PLAN --as CONTACT [--title TEXT]

Imports a strategic plan from CSV or XLSX files in the shape of the
partnerships' action plans (Priority, Action, Lead, Timescale, Progress
update, RAG, or numbered actions with Milestones) and an indicator table
(Indicator, Baseline period, Baseline, one column per quarter). Every bad row
is listed with its row number, nothing is stored and the exit code is 2.

Options:
  --id PLAN        the plan's short name, such as ashfield-2024 (required)
  --as CONTACT     the directory contact id of the coordinator importing it (required)
  --title TEXT     the plan's title (default: its id)
  -h, --help       show this help`;

export const planImportCommand: CliCommand = {
  name: 'plan import',
  summary: 'import a Serious Violence Duty plan from CSV or XLSX',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals, help } = parseCommandArgs('plan import', args, OPTIONS, 8);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    if (positionals.length === 0) throw new CliUsageError('plan import: give the plan file (.csv or .xlsx)');
    const planId = requireOption('plan import', '--id', values.id, "the plan's short name");
    const as = requireOption('plan import', '--as', values.as, 'the coordinator’s contact id');
    const directory = await loadDirectoryFromPath(io.env.MUSTER_DIRECTORY ?? DEFAULT_DIRECTORY_PATH);
    const files = await Promise.all(
      positionals.map(async (path) => ({ filename: basename(path), content: await readFile(path) })),
    );
    const plan = await withStore(io, { readOnly: false }, async (store) => {
      // The directory in force: the file with the coordinators' chat edits on top.
      await refreshDirectory({ store, directory });
      const contact = directory.contacts.find((c) => c.id === as);
      if (!contact) throw new CliUsageError(`--as: "${as}" is not a contact in the directory`);
      return importPlan(
        { store, clock: io.clock, directory },
        {
          planId,
          ...(values.title ? { title: values.title } : {}),
          files,
          by: { id: `cli:${contact.id}`, name: contact.name, contactId: contact.id },
          requester: { contactId: contact.id },
        },
      );
    });
    io.stdout(
      `Imported ${plan.id}: ${plan.priorities.length} priorities, ${plan.actions.length} actions, ${plan.indicators.length} indicators.\n`,
    );
    return EXIT_OK;
  },
};
