/**
 * Does a scheduler tick cost what is due, not what is stored? The same 50
 * due reminders (one in each of 50 incidents) with 1,000 and with 100,000
 * pending ones (10 per incident, due next year) beside them, on lowdb and on
 * PostgreSQL. A tick is what the runtime's scheduler runs: finishing
 * unfinished announcements (every incident here is fully announced), then
 * `runDueReminders`; both are timed, and the delivery goes to an in-memory
 * platform so only Muster's own work is measured. The first tick after a
 * start reads every open incident once to learn which are announced; it is
 * timed and printed, and the warm-up runs absorb it.
 */
import { resumeAnnouncements } from '../src/app/announce-incident.js';
import { type RunDueRemindersDeps, runDueReminders } from '../src/app/run-due-reminders.js';
import { defaultProtocol } from '../src/core/protocol/default-protocol.js';
import type { Store } from '../src/ports.js';
import { FixedClock } from '../test/fakes/fixed-clock.js';
import { RecordingPlatform } from '../test/fakes/recording-platform.js';
import { testDirectory } from '../test/fakes/test-directory.js';
import { type BenchRow, benchRow, median, timeMs } from './bench-kit.js';
import {
  type BenchStore,
  dueReminder,
  NOW,
  openBenchStore,
  PENDING_PER_INCIDENT,
  pendingReminders,
  pgAvailable,
  type StoreKind,
  seed,
} from './scheduler-fixtures.js';

const RUNS = 10;
const WARMUP = 2;
const GOAL = 2;
const DUE = 50;
const SMALL = 1_000;
const LARGE = 100_000;
const YEAR = 2032;

interface Setup {
  bench: BenchStore;
  store: Store;
  due: string[];
  deps: RunDueRemindersDeps;
  platform: RecordingPlatform;
  /** Held across ticks, as the runtime holds it: incidents already announced everywhere. */
  announced: Set<string>;
}

async function setUp(kind: StoreKind, pending: number): Promise<Setup> {
  const bench = await openBenchStore(kind);
  const platform = new RecordingPlatform();
  const incidents = pending / PENDING_PER_INCIDENT;
  const seedMs = await timeMs(async () => {
    await seed(bench.store, YEAR, 1, incidents, [platform.name], pendingReminders);
  });
  const due = await seed(bench.store, YEAR, incidents + 1, DUE, [platform.name], () => []);
  const store = await bench.reopenDurable();
  console.log(
    `  ${kind}: seeded ${pending.toLocaleString('en-GB')} pending reminders in ${incidents.toLocaleString('en-GB')} incidents in ${(seedMs / 1000).toFixed(1)} s`,
  );
  const deps: RunDueRemindersDeps = {
    store,
    clock: new FixedClock(NOW),
    protocol: defaultProtocol,
    directory: testDirectory(),
    platforms: [platform],
    owner: 'bench',
    leaseMs: 60_000,
    limit: DUE,
  };
  return { bench, store, due, deps, platform, announced: new Set() };
}

/** Makes one new reminder due in each of the due incidents (untimed), as the next tick would find them. */
async function arm(setup: Setup, run: number): Promise<void> {
  await Promise.all(setup.due.map((id) => setup.store.syncReminders(id, [dueReminder(`due-${run}`)])));
}

/** One tick as the scheduler runs it, the two halves timed apart. */
async function tick(setup: Setup): Promise<{ resume: number; reminders: number }> {
  const deps = setup.deps;
  const resume = await timeMs(() => resumeAnnouncements({ ...deps, announced: setup.announced }));
  let sent = 0;
  const reminders = await timeMs(async () => {
    sent = (await runDueReminders(deps)).sent.length;
  });
  if (sent !== DUE) throw new Error(`a tick sent ${sent} reminders, not ${DUE}`);
  return { resume, reminders };
}

async function benchOn(kind: StoreKind): Promise<BenchRow[]> {
  const small = await setUp(kind, SMALL);
  let large: Setup | undefined;
  try {
    large = await setUp(kind, LARGE);
    const times = {
      small: { resume: [] as number[], reminders: [] as number[] },
      large: { resume: [] as number[], reminders: [] as number[] },
    };
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      await arm(small, i);
      await arm(large, i);
      const a = await tick(small);
      const b = await tick(large);
      if (i === 0)
        console.log(
          `  ${kind}: first tick after start (every open incident read once): ${(a.resume + a.reminders).toFixed(0)} ms vs ${(b.resume + b.reminders).toFixed(0)} ms`,
        );
      if (i < WARMUP) continue;
      times.small.resume.push(a.resume);
      times.small.reminders.push(a.reminders);
      times.large.resume.push(b.resume);
      times.large.reminders.push(b.reminders);
    }
    const sum = (t: { resume: number[]; reminders: number[] }) => t.resume.map((r, i) => r + t.reminders[i]!);
    const label = `${DUE} due, ${SMALL.toLocaleString('en-GB')} vs ${LARGE.toLocaleString('en-GB')} pending (${kind})`;
    return [
      benchRow(`reminder run: ${label}`, median(times.small.reminders), median(times.large.reminders), GOAL),
      benchRow(`whole tick: ${label}`, median(sum(times.small)), median(sum(times.large)), GOAL),
    ];
  } finally {
    await small.bench.close();
    await large?.bench.close();
  }
}

export async function runSchedulerBench(): Promise<BenchRow[]> {
  const rows = await benchOn('lowdb');
  if (await pgAvailable()) rows.push(...(await benchOn('pg')));
  else console.log('  PostgreSQL is not reachable: the pg rows are skipped');
  return rows;
}
