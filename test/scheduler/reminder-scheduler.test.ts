import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIncident } from '../../src/app/open-incident.js';
import type { RunDueRemindersDeps } from '../../src/app/run-due-reminders.js';
import { type ReminderScheduler, startReminderScheduler } from '../../src/scheduler/reminder-scheduler.js';
import { testDeps, validForm } from '../app/harness.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { RecordingLogger } from '../fakes/recording-logger.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';

describe('startReminderScheduler', () => {
  let store: InMemoryStore;
  let platform: RecordingPlatform;
  let logger: RecordingLogger;
  let deps: RunDueRemindersDeps;
  let scheduler: ReminderScheduler | undefined;

  beforeEach(async () => {
    store = new InMemoryStore();
    await openIncident(testDeps(store), validForm());
    platform = new RecordingPlatform();
    logger = new RecordingLogger();
    deps = {
      store,
      clock: new FixedClock('2027-08-31T15:00:00+01:00'),
      protocol: testDeps(store).protocol,
      directory: testDeps(store).directory,
      platforms: [platform],
      owner: 'test',
      leaseMs: 60_000,
      limit: 10,
    };
  });
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });

  it('delivers due reminders on a tick and logs what it did', async () => {
    scheduler = startReminderScheduler({ cron: '0 0 1 1 *', deps, logger });

    await scheduler.tickNow();

    expect(platform.keys).toEqual(['SV-2027-0001 initial-meeting:before-48h']);
    expect(logger.entries.find((e) => e.message === 'reminder run finished')?.fields).toMatchObject({
      sent: ['SV-2027-0001 initial-meeting:before-48h'],
    });
  });

  it('logs a failed delivery as a warning and keeps going', async () => {
    platform.failNext(1);
    scheduler = startReminderScheduler({ cron: '0 0 1 1 *', deps, logger });

    await scheduler.tickNow();
    await scheduler.tickNow();

    expect(logger.messages('warn')).toContain(
      'reminder initial-meeting:before-48h for SV-2027-0001 not delivered; retrying next tick',
    );
    expect(platform.keys).toEqual(['SV-2027-0001 initial-meeting:before-48h']);
  });

  it('logs a failing run instead of throwing', async () => {
    scheduler = startReminderScheduler({ cron: '0 0 1 1 *', deps: { ...deps, platforms: [] }, logger });

    await expect(scheduler.tickNow()).resolves.toBeUndefined();
    expect(logger.messages('error')).toEqual(['reminder run failed; the next tick tries again']);
  });

  it('waits for a run in progress when stopped', async () => {
    scheduler = startReminderScheduler({ cron: '0 0 1 1 *', deps, logger });
    platform.hold();
    const started = platform.nextDeliveryStarted();
    void scheduler.tickNow();
    await started;

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise(setImmediate);
    expect(stopped).toBe(false);
    platform.release();
    await stopping;
    expect(platform.deliveries).toHaveLength(1);
    scheduler = undefined;
  });

  it('refuses an invalid cron expression', () => {
    expect(() => startReminderScheduler({ cron: 'every minute', deps, logger })).toThrow(
      'not a valid cron expression',
    );
  });
});
