/**
 * Several Muster replicas on one PostgreSQL database: the real reminder
 * scheduler and reminder run, each replica with its own `PgStore` (its own
 * connection pool) and its own platform, against one schema. Nothing may be
 * sent twice and nothing lost, and a reminder claimed by a replica that dies
 * before sending goes out once another replica sees the lease run out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgStore } from '../../src/adapters/storage/pg/pg-store.js';
import { openIncident } from '../../src/app/open-incident.js';
import { type RunDueRemindersDeps, runDueReminders } from '../../src/app/run-due-reminders.js';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import type { PlannedReminder } from '../../src/core/reminders/reminder.js';
import type { ReminderDelivery } from '../../src/ports.js';
import { startReminderScheduler } from '../../src/scheduler/reminder-scheduler.js';
import { FORM_AT, validForm } from '../app/harness.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { RecordingLogger } from '../fakes/recording-logger.js';
import { RecordingPlatform } from '../fakes/recording-platform.js';
import { testDirectory } from '../fakes/test-directory.js';
import { type TestSchema, testSchema } from './pg-test-database.js';

/** Tue 31 Aug 2027 15:00 BST: 48 hours before the initial meeting is due, so its reminders are wanted. */
const BEFORE_48H = '2027-08-31T15:00:00+01:00';
const INCIDENTS = 10;
const PER_INCIDENT = 1_000;
/** A cron expression that does not fire during a test run: the test ticks the schedulers itself. */
const NEVER = '0 0 1 1 *';

let db: TestSchema;
let storeA: PgStore;
let storeB: PgStore;

beforeEach(async () => {
  db = testSchema();
  [storeA, storeB] = [await db.open({ poolSize: 4 }), await db.open({ poolSize: 4 })];
});

afterEach(async () => {
  await db.drop();
});

function replicaDeps(
  store: PgStore,
  owner: string,
  platform: RecordingPlatform,
  clock: FixedClock,
  leaseMs = 60_000,
): RunDueRemindersDeps {
  return {
    store,
    clock,
    protocol: defaultProtocol,
    directory: testDirectory(),
    platforms: [platform],
    owner,
    leaseMs,
    limit: 500,
  };
}

async function openIncidents(count: number): Promise<string[]> {
  const deps = {
    store: storeA,
    clock: new FixedClock(FORM_AT),
    protocol: defaultProtocol,
    directory: testDirectory(),
  };
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await openIncident(deps, validForm())).incident.id);
  return ids;
}

/** `count` reminders about the initial meeting, all due by BEFORE_48H. */
function dueReminders(count: number): PlannedReminder[] {
  const due = Date.parse(BEFORE_48H);
  return Array.from({ length: count }, (_, i) => ({
    key: `initial-meeting:load-${i}`,
    milestoneId: 'initial-meeting',
    kind: 'at' as const,
    fireAt: new Date(due - (i % 600) * 1000).toISOString(),
    notify: ['sio'],
  }));
}

async function unsentCount(): Promise<number> {
  const [row] = await db.query<{ unsent: string }>(
    'SELECT count(*) AS unsent FROM reminders WHERE sent_at IS NULL',
  );
  return Number(row?.unsent);
}

describe('reminders across replicas on PostgreSQL', () => {
  it('sends each of 10,000 due reminders exactly once when two schedulers tick together', async () => {
    const ids = await openIncidents(INCIDENTS);
    for (const id of ids) await storeA.syncReminders(id, dueReminders(PER_INCIDENT));
    expect(await unsentCount()).toBe(INCIDENTS * PER_INCIDENT);

    const [platformA, platformB] = [new RecordingPlatform('replica-a'), new RecordingPlatform('replica-b')];
    const logger = new RecordingLogger();
    const clock = new FixedClock(BEFORE_48H);
    const schedulers = [
      startReminderScheduler({
        cron: NEVER,
        deps: replicaDeps(storeA, 'replica-a', platformA, clock),
        logger,
      }),
      startReminderScheduler({
        cron: NEVER,
        deps: replicaDeps(storeB, 'replica-b', platformB, clock),
        logger,
      }),
    ];
    try {
      // 500 a tick each: 10 rounds, plus one to find nothing left. The cap only stops a broken run.
      for (let round = 0; round < 30 && (await unsentCount()) > 0; round += 1) {
        await Promise.all(schedulers.map((s) => s.tickNow()));
      }
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }

    const delivered = [...platformA.keys, ...platformB.keys];
    expect(delivered).toHaveLength(INCIDENTS * PER_INCIDENT);
    expect(new Set(delivered).size).toBe(INCIDENTS * PER_INCIDENT);
    // Both did a share of the work: each tick claims 500 of what is left, and there was always more.
    expect(platformA.deliveries.length).toBeGreaterThan(0);
    expect(platformB.deliveries.length).toBeGreaterThan(0);
    expect(await unsentCount()).toBe(0);
    expect(logger.messages('warn').filter((m) => m.includes('not delivered'))).toEqual([]);
    expect(logger.messages('error')).toEqual([]);
    const sentEvents = await db.query<{ incident_id: string; sent: string }>(
      `SELECT incident_id, count(*) AS sent FROM incident_events WHERE type = 'reminder.sent'
       GROUP BY incident_id ORDER BY incident_id`,
    );
    expect(sentEvents).toEqual(
      [...ids].sort().map((id) => ({ incident_id: id, sent: String(PER_INCIDENT) })),
    );
  }, 120_000);

  it('sends a reminder once after the replica that claimed it died before sending', async () => {
    const [id] = await openIncidents(1);
    const clock = new FixedClock(BEFORE_48H);
    const leaseMs = 30_000;

    // Replica A claims the reminder and dies inside the platform call: it never returns, never marks.
    const dying = new RecordingPlatform('replica-a');
    let sendStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      sendStarted = resolve;
    });
    dying.deliverReminder = (_delivery: ReminderDelivery) => {
      sendStarted();
      return new Promise<void>(() => {});
    };
    void runDueReminders(replicaDeps(storeA, 'replica-a', dying, clock, leaseMs));
    await started;
    const [claimed] = await storeB.listReminders(id!);
    expect(claimed).toMatchObject({ key: 'initial-meeting:before-48h', claimedBy: 'replica-a' });

    const platformB = new RecordingPlatform('replica-b');
    const depsB = replicaDeps(storeB, 'replica-b', platformB, clock, leaseMs);
    clock.advance(leaseMs - 1);
    expect((await runDueReminders(depsB)).sent).toEqual([]);
    clock.advance(1);
    const taken = await runDueReminders(depsB);
    clock.advance(60_000);
    const after = await runDueReminders(depsB);

    expect(taken.sent).toEqual([{ incidentId: id, key: 'initial-meeting:before-48h' }]);
    expect(after.sent).toEqual([]);
    expect(platformB.keys).toEqual([`${id} initial-meeting:before-48h`]);
    const reminder = (await storeB.listReminders(id!)).find((r) => r.key === 'initial-meeting:before-48h');
    expect(reminder?.sentAt).toBe(new Date(Date.parse(BEFORE_48H) + leaseMs).toISOString());
    expect(reminder?.claimedBy).toBeUndefined();
    const events = await storeB.listEvents(id!);
    expect(events.filter((e) => e.type === 'reminder.sent')).toHaveLength(1);
  });

  it('lets only one replica act on a form submitted to both (a retry, a double click)', async () => {
    const now = new Date(Date.parse(BEFORE_48H));
    const answers = await Promise.all([
      storeA.rememberOnce('slack:view:V123:abc', now),
      storeB.rememberOnce('slack:view:V123:abc', now),
    ]);
    expect(answers.sort()).toEqual([false, true]);
    expect(await storeB.rememberOnce('slack:view:V123:abc', now)).toBe(false);
  });
});
