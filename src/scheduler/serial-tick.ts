/**
 * Runs a periodic job so that runs never overlap: a tick that arrives while
 * the previous run is still going is skipped, not queued (the next tick picks
 * up whatever is still due). A failing run is logged and never escapes, so a
 * bad tick cannot crash the process.
 */
import type { Logger } from '../adapters/logging/logger.js';

export type TickOutcome = 'ran' | 'skipped' | 'failed';

export interface SerialTick {
  tick(): Promise<TickOutcome>;
  /** Resolves once no run is in progress (used when shutting down). */
  idle(): Promise<void>;
  readonly running: boolean;
}

export function serialTick(name: string, run: () => Promise<void>, logger: Logger): SerialTick {
  let current: Promise<TickOutcome> | undefined;
  return {
    get running() {
      return current !== undefined;
    },
    tick() {
      if (current) {
        logger.warn(`${name}: previous run still going; skipping this tick`);
        return Promise.resolve('skipped');
      }
      current = run()
        .then((): TickOutcome => 'ran')
        .catch((error: unknown): TickOutcome => {
          logger.error(`${name} failed; the next tick tries again`, { error });
          return 'failed';
        })
        .finally(() => {
          current = undefined;
        });
      return current;
    },
    async idle() {
      await current;
    },
  };
}
