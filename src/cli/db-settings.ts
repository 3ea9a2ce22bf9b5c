/**
 * What the `db` commands share: the database they work on (DATABASE_URL and
 * MUSTER_PG_SCHEMA from the environment, nothing else), refused in one line
 * when it is not set.
 */
import type { PgConnection } from '../adapters/storage/pg/pg-connection.js';
import { DEFAULT_PG_SCHEMA } from '../adapters/storage/pg/schema-name.js';
import { databaseFromEnv } from '../config.js';
import { type CliIo, CliUsageError } from './cli-io.js';

export function databaseConnection(command: string, io: CliIo): PgConnection & { schema: string } {
  const database = databaseFromEnv(io.env);
  if (!database) {
    throw new CliUsageError(
      `${command}: DATABASE_URL is not set; set it to the PostgreSQL database to use ` +
        '(postgres://user:password@host:5432/muster)',
    );
  }
  return { connectionString: database.url, schema: database.schema ?? DEFAULT_PG_SCHEMA };
}
