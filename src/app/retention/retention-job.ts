/**
 * Runs the retention purge once a day (02:30 by default, the protocol's time
 * zone). Replicas share the day: the first to claim `retention:<date>` in the
 * store runs it, the others skip, so a purge (and its kept report) happens
 * once a day however many processes run. A failing run is reported, never
 * thrown: the next day tries again.
 */
import { type ScheduledTask, schedule, validate } from 'node-cron';
import type { PurgeRecord } from '../../ports.js';
import {
  purgeClosedIncidents,
  type RetentionDeps,
  type RetentionOptions,
  type RetentionResult,
} from './purge-closed-incidents.js';

export const RETENTION_CRON = '30 2 * * *';

export interface RetentionJobOptions {
  deps: RetentionDeps;
  retention: Omit<RetentionOptions, 'dryRun'>;
  cron?: string;
  /** Called after each run that purged or failed something (for the log). */
  onResult: (result: RetentionResult) => void;
  onError: (error: unknown) => void;
}

export interface RetentionJob {
  /** Runs today's purge now, unless this or another replica already ran it today. */
  runNow(): Promise<RetentionResult | undefined>;
  stop(): Promise<void>;
}

export function startRetentionJob(options: RetentionJobOptions): RetentionJob {
  const cron = options.cron ?? RETENTION_CRON;
  if (!validate(cron)) throw new Error(`"${cron}" is not a valid cron expression`);
  const { deps } = options;
  let running: Promise<RetentionResult | undefined> | undefined;

  const runNow = (): Promise<RetentionResult | undefined> => {
    running ??= runOnceToday(options).finally(() => {
      running = undefined;
    });
    return running;
  };
  const task: ScheduledTask = schedule(cron, () => void runNow(), {
    timezone: deps.protocol.calendar.zone,
    noOverlap: true,
  });
  return {
    runNow,
    async stop() {
      await task.stop();
      await running;
    },
  };
}

async function runOnceToday(options: RetentionJobOptions): Promise<RetentionResult | undefined> {
  const { deps } = options;
  try {
    const now = deps.clock.now();
    const day = now.toISOString().slice(0, 10);
    if (!(await deps.store.rememberOnce(`retention:${day}`, now))) return undefined;
    const result = await purgeClosedIncidents(deps, options.retention);
    if (result.purged.length + result.failed.length > 0) options.onResult(result);
    return result;
  } catch (error) {
    options.onError(error);
    return undefined;
  }
}

/** A purge record without anything but reference and dates, for a log line. */
export function purgeSummary(result: RetentionResult): {
  purged: string[];
  failed: string[];
  cutOff: string;
} {
  return {
    purged: result.purged.map((p: PurgeRecord) => p.reference),
    failed: result.failed.map((f) => f.reference),
    cutOff: result.cutOff,
  };
}
