/**
 * The real clock. Only edges (main, the CLI) construct it; core and app code
 * receive a `Clock` so tests can fix time.
 */
import type { Clock } from '../../ports.js';

export const systemClock: Clock = {
  now: () => new Date(),
};
