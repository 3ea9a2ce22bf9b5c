/**
 * The reminder clock: a node-cron task (every minute by default) that runs
 * `runDueReminders`. Ticks never overlap, errors are logged and the process
 * carries on; `stop()` waits for a run in progress so shutdown loses nothing.
 */
import { type ScheduledTask, schedule, validate } from 'node-cron';
import type { Logger } from '../adapters/logging/logger.js';
import {
  type RunDueRemindersDeps,
  type RunDueRemindersResult,
  runDueReminders,
} from '../app/run-due-reminders.js';
import { type SerialTick, serialTick } from './serial-tick.js';

export interface ReminderSchedulerOptions {
  cron: string;
  deps: RunDueRemindersDeps;
  logger: Logger;
  /** Run once straight away, so reminders that fell due while the process was down go out promptly. */
  runOnStart?: boolean;
  /**
   * Work that belongs to the same tick and runs first (finishing incident
   * announcements a platform failure interrupted, so reminders find their
   * channel). Its failure is logged and the reminders still run.
   */
  beforeReminders?: () => Promise<void>;
  /** Work that runs after the reminders in the same tick (chasing and closing plan rounds); failures are logged. */
  afterReminders?: () => Promise<void>;
}

export interface ReminderScheduler {
  /** Runs a tick now (skipped if one is in progress). */
  tickNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { cron, deps, logger } = options;
  if (!validate(cron)) throw new Error(`"${cron}" is not a valid cron expression`);

  const ticker: SerialTick = serialTick(
    'reminder run',
    async () => {
      if (options.beforeReminders) {
        try {
          await options.beforeReminders();
        } catch (error) {
          logger.error('work before the reminder run failed; the next tick tries again', { error });
        }
      }
      logOutcome(logger, await runDueReminders(deps));
      if (options.afterReminders) {
        try {
          await options.afterReminders();
        } catch (error) {
          logger.error('work after the reminder run failed; the next tick tries again', { error });
        }
      }
    },
    logger,
  );
  const task: ScheduledTask = schedule(cron, () => ticker.tick(), {
    name: 'muster-reminders',
    // Our own guard already skips overlapping ticks; node-cron's would only log twice.
    noOverlap: false,
    logger: {
      info: (message) => logger.debug(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(String(message)),
      debug: (message) => logger.debug(String(message)),
    },
  });
  if (options.runOnStart) void ticker.tick();

  return {
    async tickNow() {
      // Asked for explicitly (the console's time control): wait out a running tick rather than skip.
      while ((await ticker.tick()) === 'skipped') await ticker.idle();
    },
    async stop() {
      await task.destroy();
      await ticker.idle();
    },
  };
}

function logOutcome(logger: Logger, result: RunDueRemindersResult): void {
  const { sent, skipped, failed, lost, warnings } = result;
  if (sent.length + skipped.length + failed.length + lost.length === 0) {
    logger.debug('reminder run: nothing due');
    return;
  }
  logger.info('reminder run finished', {
    sent: sent.map((r) => `${r.incidentId} ${r.key}`),
    skipped: skipped.map((r) => `${r.incidentId} ${r.key} (${r.reason})`),
    failed: failed.map((r) => `${r.incidentId} ${r.key}`),
    lost: lost.map((r) => `${r.incidentId} ${r.key}`),
  });
  for (const r of failed)
    logger.warn(`reminder ${r.key} for ${r.incidentId} not delivered; retrying next tick`, {
      error: r.error,
    });
  for (const w of warnings) logger.warn(w);
}
