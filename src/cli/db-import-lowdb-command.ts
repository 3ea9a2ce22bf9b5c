/**
 * `muster db import-lowdb DIR`: moves an embedded installation into
 * PostgreSQL. Prints a line per incident as it goes and a summary at the end;
 * a re-run skips what is already there, and an incident that is there with
 * other content stops the import before anything is written.
 */
import {
  type ImportConflict,
  type ImportSummary,
  importLowdbDir,
} from '../adapters/storage/pg/import-lowdb.js';
import { openPgStore } from '../adapters/storage/pg/pg-store.js';
import { ErrorCode, MusterError } from '../core/errors.js';
import { HELP_OPTION, parseCommandArgs } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK } from './cli-io.js';
import { databaseConnection } from './db-settings.js';

const HELP = `Usage: muster db import-lowdb DIR

Copies the embedded data directory DIR (a MUSTER_DATA_DIR) into the
PostgreSQL database in DATABASE_URL (schema MUSTER_PG_SCHEMA, default
public), migrating the schema first: every incident with its events (same
numbers, times and people), its reminders (what was sent stays sent), the
reference counters, the coordinators' chat edits of the directory (same
numbers) and the chat platforms' records (Teams conversations). Each
incident is copied in one transaction.

DIR is only read, so this can run while the bot still uses it; stop the bot
before the last run so nothing is written after it. Incidents already
imported are skipped, so running it again is safe; a platform record the
database already has is kept as it is there. If an incident, or a directory
edit, is in the database with other content, nothing is imported and the
exit code is 2.

Options:
  -h, --help   show this help`;

export const dbImportLowdbCommand: CliCommand = {
  name: 'db import-lowdb',
  summary: 'copy an embedded data directory into PostgreSQL (DATABASE_URL)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, help } = parseCommandArgs('db import-lowdb', args, HELP_OPTION, 1);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const dir = positionals[0];
    if (!dir)
      throw new CliUsageError('db import-lowdb: give the data directory to import (a MUSTER_DATA_DIR)');
    const connection = databaseConnection('db import-lowdb', io);
    const target = await openPgStore(connection);
    try {
      const result = await importLowdbDir(dir, target, {
        onProgress: ({ done, total, id, outcome }) =>
          io.stdout(
            `${done}/${total} incidents (${id} ${outcome === 'imported' ? 'imported' : 'already there, skipped'})\n`,
          ),
        onWarning: (message) => io.stderr(`muster: warning: ${message}\n`),
      });
      if (!result.ok) {
        throw new MusterError(
          ErrorCode.Conflict,
          `${conflictsText(result.conflicts)} in ${dir} are already in the database with other content, ` +
            'so nothing was imported. Remove them from the database, or import into an empty schema ' +
            '(set MUSTER_PG_SCHEMA to a new name).',
          result.conflicts.map((c) => ({ path: c.id, message: c.reason })),
        );
      }
      io.stdout(summaryText(result.summary, connection.schema));
      return EXIT_OK;
    } finally {
      await target.close();
    }
  },
};

function summaryText(summary: ImportSummary, schema: string): string {
  const counters = [...summary.counters].map(([year, last]) => `${year} at ${last}`).join(', ');
  return [
    `Imported ${summary.imported.length} incident(s), ${summary.events} event(s) and ${summary.reminders} ` +
      `reminder(s) into PostgreSQL (schema ${schema}).`,
    ...(summary.skipped.length > 0
      ? [`Skipped ${summary.skipped.length} already imported: ${summary.skipped.join(', ')}.`]
      : []),
    `Reference counters: ${counters || 'none yet'}.`,
    `Imported ${summary.directoryChanges} directory change(s) and ${summary.platformRecords} platform record(s)` +
      (summary.platformRecordsKept > 0
        ? `; kept ${summary.platformRecordsKept} platform record(s) the database already had.`
        : '.'),
    '',
  ].join('\n');
}

/** "2 incident(s)", "the directory changes", or both. */
function conflictsText(conflicts: readonly ImportConflict[]): string {
  const incidents = conflicts.filter((c) => c.kind === 'incident').length;
  const parts = [
    ...(incidents > 0 ? [`${incidents} incident(s)`] : []),
    ...(conflicts.some((c) => c.kind === 'directory-changes') ? ['the directory changes'] : []),
  ];
  return parts.join(' and ');
}
