/**
 * `muster db migrate`: brings the PostgreSQL schema up to what this version
 * of Muster needs, ahead of a deploy (Muster also migrates at start). Safe to
 * run again, and beside replicas that are starting: they take turns.
 */
import { migrateDatabase } from '../adapters/storage/pg/pg-migrate.js';
import { HELP_OPTION, parseCommandArgs } from './cli-args.js';
import { type CliCommand, type CliIo, EXIT_OK } from './cli-io.js';
import { databaseConnection } from './db-settings.js';

const HELP = `Usage: muster db migrate

Applies the schema migrations Muster needs to the PostgreSQL database in
DATABASE_URL, in the schema MUSTER_PG_SCHEMA (default public, created if
missing). Migrations already applied are skipped, so running it again
changes nothing.

Options:
  -h, --help   show this help`;

export const dbMigrateCommand: CliCommand = {
  name: 'db migrate',
  summary: 'apply the PostgreSQL schema migrations (DATABASE_URL)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { help } = parseCommandArgs('db migrate', args, HELP_OPTION);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const result = await migrateDatabase(databaseConnection('db migrate', io));
    const names = result.applied.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`);
    io.stdout(
      names.length > 0
        ? `Applied ${names.join(', ')}. Schema ${result.schema} is at version ${result.version}.\n`
        : `Nothing to do: schema ${result.schema} is already at version ${result.version}.\n`,
    );
    return EXIT_OK;
  },
};
