import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeIncident } from '../../src/app/close-incident.js';
import { openIncident } from '../../src/app/open-incident.js';
import { type RunDueRemindersDeps, runDueReminders } from '../../src/app/run-due-reminders.js';
import { isMusterError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { COORDINATOR, STORES, testDeps, validForm } from './harness.js';

const REF = 'SV-2027-0001';
/** Tue 31 Aug 2027 15:00 BST: 48 hours before the initial meeting is due (Thu 2 Sep 15:00). */
const BEFORE_48H = '2027-08-31T15:00:00+01:00';

describe.each(STORES)('runDueReminders ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let clock: FixedClock;
  let platform: RecordingPlatform;
  let deps: RunDueRemindersDeps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    const base = testDeps(store);
    await openIncident(base, validForm());
    clock = new FixedClock(BEFORE_48H);
    platform = new RecordingPlatform();
    deps = {
      store,
      clock,
      protocol: base.protocol,
      directory: base.directory,
      platforms: [platform],
      owner: 'tick-a',
      leaseMs: 60_000,
      limit: 50,
    };
  });
  afterEach(() => cleanup());

  const reminder = async (key: string) => (await store.listReminders(REF)).find((r) => r.key === key);

  it('sends each due reminder once across two ticks', async () => {
    const first = await runDueReminders(deps);
    const second = await runDueReminders(deps);

    expect(platform.keys).toEqual([`${REF} initial-meeting:before-48h`]);
    expect(first.sent).toEqual([{ incidentId: REF, key: 'initial-meeting:before-48h' }]);
    expect(second.sent).toEqual([]);
    expect((await reminder('initial-meeting:before-48h'))?.sentAt).toBe(new Date(BEFORE_48H).toISOString());
    expect((await reminder('initial-meeting:before-24h'))?.sentAt).toBeUndefined();
    const events = await store.listEvents(REF);
    expect(events.filter((e) => e.type === 'reminder.sent')).toHaveLength(1);
  });

  it('hands the platform the incident and the milestone as they are now', async () => {
    await runDueReminders(deps);

    const delivery = platform.deliveries[0]!;
    expect(delivery.incident.reference).toBe(REF);
    expect(delivery.milestone?.id).toBe('initial-meeting');
    expect(delivery.milestone?.state).toBe('pending');
    expect(delivery.milestone?.due?.toISO()).toBe('2027-09-02T15:00:00.000+01:00');
  });

  it('sends nothing for a milestone met since the reminder was planned, and says why', async () => {
    // The meeting is recorded behind the reminders' back (no re-sync), as a race would leave it.
    await store.updateIncident(REF, (current) => ({
      incident: {
        ...current,
        meetings: [{ id: 'initial-1', kind: 'initial', at: '2027-08-31T09:00:00.000Z', status: 'held' }],
      },
    }));

    const result = await runDueReminders(deps);

    expect(platform.deliveries).toEqual([]);
    expect(result.skipped).toEqual([
      { incidentId: REF, key: 'initial-meeting:before-48h', reason: 'milestone-met' },
    ]);
    expect((await reminder('initial-meeting:before-48h'))?.sentAt).toBeDefined();
    const skipped = (await store.listEvents(REF)).filter((e) => e.type === 'reminder.skipped');
    expect(skipped.map((e) => e.summary)).toEqual([
      'Reminder initial-meeting:before-48h not sent: the milestone is already met.',
    ]);
  });

  it('sends nothing for a closed incident', async () => {
    await closeIncident(
      { store, clock },
      { reference: REF, reason: 'Duplicate of SV-2027-0002', by: COORDINATOR },
    );

    const result = await runDueReminders(deps);

    expect(platform.deliveries).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['incident-closed']);
  });

  it('drops "before" reminders whose milestone is already overdue but still sends the others', async () => {
    // Nobody ticked for days: at Fri 3 Sep 10:00 every initial-meeting reminder is due at once.
    clock.set('2027-09-03T10:00:00+01:00');

    const result = await runDueReminders(deps);

    expect(result.skipped.map((s) => [s.key, s.reason])).toEqual([
      ['initial-meeting:before-48h', 'already-overdue'],
      ['initial-meeting:before-24h', 'already-overdue'],
    ]);
    expect(platform.keys).toEqual([`${REF} initial-meeting:at`, `${REF} initial-meeting:escalate`]);
  });

  it('retries a reminder whose delivery failed on the next tick', async () => {
    platform.failNext(1);

    const first = await runDueReminders(deps);
    expect(first.failed).toEqual([
      { incidentId: REF, key: 'initial-meeting:before-48h', error: 'recording API unavailable' },
    ]);
    const failed = await reminder('initial-meeting:before-48h');
    expect(failed?.sentAt).toBeUndefined();
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toBe('recording API unavailable');

    const second = await runDueReminders(deps);
    expect(second.sent.map((s) => s.key)).toEqual(['initial-meeting:before-48h']);
    expect(platform.keys).toEqual([`${REF} initial-meeting:before-48h`]);
  });

  it('marks a reminder sent only once the delivery resolved', async () => {
    platform.hold();
    const started = platform.nextDeliveryStarted();
    const run = runDueReminders(deps);
    await started;

    expect((await reminder('initial-meeting:before-48h'))?.sentAt).toBeUndefined();
    platform.release();
    await run;
    expect((await reminder('initial-meeting:before-48h'))?.sentAt).toBeDefined();
  });

  it('does not mark a reminder sent when one of several platforms failed', async () => {
    const failing = new RecordingPlatform('teams');
    failing.failNext(1);
    const result = await runDueReminders({ ...deps, platforms: [platform, failing] });

    expect(result.failed.map((f) => f.error)).toEqual(['teams API unavailable']);
    expect((await reminder('initial-meeting:before-48h'))?.sentAt).toBeUndefined();
  });

  it('sends each reminder once when two schedulers tick together', async () => {
    const [a, b] = await Promise.all([runDueReminders(deps), runDueReminders({ ...deps, owner: 'tick-b' })]);

    expect(platform.keys).toEqual([`${REF} initial-meeting:before-48h`]);
    expect(a.sent.length + b.sent.length).toBe(1);
  });

  it('refuses to run with no chat platform rather than lose the reminders', async () => {
    const error = await runDueReminders({ ...deps, platforms: [] }).catch((e: unknown) => e);

    expect(isMusterError(error, 'invalid_config')).toBe(true);
    expect((await reminder('initial-meeting:before-48h'))?.sentAt).toBeUndefined();
  });
});
