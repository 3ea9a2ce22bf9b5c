/**
 * Which store a process uses, decided in one place for the bot and the CLI:
 * PostgreSQL when DATABASE_URL is set (pending migrations applied first, so
 * replicas starting together take turns), else the embedded store in the
 * data directory (MUSTER_DATA_DIR). A CLI command that only reads opens the
 * embedded store read-only, so it runs beside the bot; PostgreSQL takes no
 * lock either way.
 */
import type { Store } from '../../ports.js';
import { openLowdbStore } from './lowdb/lowdb-store.js';
import { openPgStore } from './pg/pg-store.js';

export interface StoreLocation {
  dataDir: string;
  /** DATABASE_URL and MUSTER_PG_SCHEMA; unset: the embedded store. */
  database?: { url: string; schema?: string };
}

export interface OpenStoreOptions {
  readOnly?: boolean;
  onWarning?: (message: string) => void;
}

export function openConfiguredStore(location: StoreLocation, options: OpenStoreOptions = {}): Promise<Store> {
  const { database } = location;
  if (database) {
    return openPgStore({
      connectionString: database.url,
      ...(database.schema ? { schema: database.schema } : {}),
    });
  }
  return openLowdbStore(location.dataDir, {
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
}
