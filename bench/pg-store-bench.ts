/**
 * The PostgreSQL store's side of the store bench: does appending one event
 * cost the same with 10 and with 10,000 events in the incident? Seeded with
 * synchronous commit off, measured on a durable store (synchronous commit
 * on), in a throwaway schema dropped afterwards.
 */
import type { NewIncidentEvent } from '../src/core/events/incident-event.js';
import type { Store } from '../src/ports.js';
import { type BenchRow, benchRow, compareMedians, timeMs } from './bench-kit.js';
import { openBenchStore, pgAvailable, seed } from './scheduler-fixtures.js';

const RUNS = 200;
const GOAL = 1.5;
const SMALL = 10;
const LARGE = 10_000;
const BASE_MS = Date.UTC(2027, 2, 15, 8, 0);
const ACTOR = { id: 'bench', name: 'Bench' };

// Domain times are derived from a fixed instant, never from the system clock.
function event(i: number): NewIncidentEvent {
  return {
    at: new Date(BASE_MS + i * 1000).toISOString(),
    actor: ACTOR,
    type: 'note.added',
    summary: `Bench event ${i}`,
  };
}

async function seedEvents(store: Store, id: string, count: number): Promise<void> {
  const batch = 1000;
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    await store.appendEvents(
      id,
      Array.from({ length: size }, (_, i) => event(done + i)),
    );
  }
}

export async function runPgStoreBench(): Promise<BenchRow[]> {
  if (!(await pgAvailable())) {
    console.log('  PostgreSQL is not reachable: skipped');
    return [];
  }
  const bench = await openBenchStore('pg');
  try {
    const [small, large] = await seed(bench.store, 2033, 1, 2, ['bench'], () => []);
    await seedEvents(bench.store, small!, SMALL);
    const seedMs = await timeMs(() => seedEvents(bench.store, large!, LARGE));
    console.log(`  seeded ${LARGE.toLocaleString('en-GB')} events in ${(seedMs / 1000).toFixed(1)} s`);
    const store = await bench.reopenDurable();
    const times = await compareMedians(
      RUNS,
      (i) => store.appendEvents(small!, [event(SMALL + i)]),
      (i) => store.appendEvents(large!, [event(LARGE + i)]),
    );
    return [
      benchRow(
        `append 1 event: ${SMALL} vs ${LARGE.toLocaleString('en-GB')} events (pg)`,
        times.baseline,
        times.measured,
        GOAL,
      ),
    ];
  } finally {
    await bench.close();
  }
}
