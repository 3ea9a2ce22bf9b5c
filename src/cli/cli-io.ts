/**
 * What a CLI command may touch, passed in rather than reached for, so tests
 * run commands in-process with captured output, a fixed clock and an
 * in-memory store. Also the CLI's exit codes and its usage error.
 */
import type { StoreLocation } from '../adapters/storage/open-store.js';
import type { Clock, Store } from '../ports.js';

export const EXIT_OK = 0;
/** Something unexpected went wrong (a bug, a disk error). */
export const EXIT_FAILURE = 1;
/** The user can fix it: bad arguments, an invalid file, an unknown reference. */
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Opens the store where the environment says: PostgreSQL or the data directory (open-store.ts outside tests). */
  openStore(location: StoreLocation, access: StoreAccess): Promise<Store>;
}

/**
 * How a command uses the store. A read-only store takes no lock, so commands
 * that only read still work while the bot holds the data directory; a store
 * opened for writing fails with `store_locked` while the bot runs.
 */
export interface StoreAccess {
  readOnly: boolean;
}

/** Bad command-line input: reported as one `muster: …` line on stderr, exit 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export interface CliCommand {
  /** The words that select it: `timeline`, `directory validate`. */
  name: string;
  summary: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}
