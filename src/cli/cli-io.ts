/**
 * What a CLI command may touch, passed in rather than reached for, so tests
 * run commands in-process with captured output, a fixed clock and an
 * in-memory store. Also the CLI's exit codes and its usage error.
 */
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
  /** Opens the store in a data directory (the lowdb store outside tests). */
  openStore(dataDir: string): Promise<Store>;
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
