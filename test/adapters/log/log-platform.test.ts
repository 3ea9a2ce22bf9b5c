import { describe, expect, it } from 'vitest';
import { LogPlatform } from '../../../src/adapters/log/log-platform.js';
import { openIncident } from '../../../src/app/open-incident.js';
import { runDueReminders } from '../../../src/app/run-due-reminders.js';
import { testDeps, validForm } from '../../app/harness.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';

describe('LogPlatform', () => {
  it('logs a due reminder by reference, key and due time, with no personal data', async () => {
    const store = new InMemoryStore();
    await openIncident(testDeps(store), validForm());
    const logger = new RecordingLogger();

    await runDueReminders({
      store,
      clock: new FixedClock('2027-08-31T15:00:00+01:00'),
      protocol: testDeps(store).protocol,
      directory: testDeps(store).directory,
      platforms: [new LogPlatform(logger)],
      owner: 'test',
      leaseMs: 60_000,
      limit: 10,
    });

    expect(logger.messages()).toEqual([
      'reminder initial-meeting:before-48h for SV-2027-0001 due 2027-09-02T15:00:00.000+01:00',
    ]);
    const logged = JSON.stringify(logger.entries);
    for (const personal of ['Market Street', 'stabbing', 'Priya Patel'])
      expect(logged).not.toContain(personal);
  });
});
