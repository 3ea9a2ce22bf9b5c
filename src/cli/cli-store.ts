/**
 * The store a CLI command uses, chosen as the bot chooses it: PostgreSQL
 * when DATABASE_URL is set (with MUSTER_PG_SCHEMA), else the bot's data
 * directory (MUSTER_DATA_DIR, `./data` by default). It is opened for the
 * command and closed after it. A missing data directory is reported rather
 * than silently created. Commands that only read ask for read-only access,
 * so they run while the bot is up.
 */
import { stat } from 'node:fs/promises';
import { DEFAULT_DATA_DIR, databaseFromEnv } from '../config.js';
import { ErrorCode, MusterError } from '../core/errors.js';
import type { Store } from '../ports.js';
import type { CliIo, StoreAccess } from './cli-io.js';

/** The bot's data directory: MUSTER_DATA_DIR, `./data` by default. */
export const dataDirOf = (io: CliIo): string => io.env.MUSTER_DATA_DIR || DEFAULT_DATA_DIR;

export async function withStore<T>(
  io: CliIo,
  access: StoreAccess,
  use: (store: Store) => Promise<T>,
): Promise<T> {
  const dataDir = dataDirOf(io);
  const database = databaseFromEnv(io.env);
  const found = database ? undefined : await stat(dataDir).catch(() => undefined);
  if (!database && !found?.isDirectory()) {
    throw new MusterError(
      ErrorCode.NotFound,
      `There is no data directory at ${dataDir}. Set MUSTER_DATA_DIR to the directory the bot stores incidents in.`,
    );
  }
  const store = await io.openStore({ dataDir, ...(database ? { database } : {}) }, access);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
