/**
 * Does a write to the embedded store cost the same however much is stored?
 * (a) appending one event to an incident with 10 vs 10,000 events;
 * (b) updating one incident (with an event) in a store of 10 vs 10,000.
 * Stores are durable (fsync on) while measured, as in production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '../src/adapters/storage/lowdb/lowdb-store.js';
import type { NewIncidentEvent } from '../src/core/events/incident-event.js';
import type { Incident } from '../src/core/incident/incident.js';
import { formatReference } from '../src/core/incident/reference.js';
import type { Store } from '../src/ports.js';
import { makeIncident } from '../test/fixtures/incident-factory.js';
import { type BenchRow, benchRow, compareMedians, timeMs } from './bench-kit.js';

const RUNS = 200;
const GOAL = 1.5;
const SMALL = 10;
const LARGE = 10_000;
const BASE_MS = Date.UTC(2027, 2, 15, 8, 0);
const ACTOR = { id: 'bench', name: 'Bench' };

// Domain times are derived from a fixed instant, never from the system clock.
function event(i: number, type = 'note.added'): NewIncidentEvent {
  return { at: new Date(BASE_MS + i * 1000).toISOString(), actor: ACTOR, type, summary: `Bench event ${i}` };
}

function incident(year: number, n: number): Incident {
  const reference = formatReference(year, n);
  return makeIncident({ id: reference, reference });
}

const quiet = (): void => undefined;

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

async function seedIncidents(store: Store, year: number, count: number): Promise<void> {
  const parallel = 32;
  for (let start = 1; start <= count; start += parallel) {
    const ns = Array.from({ length: Math.min(parallel, count - start + 1) }, (_, i) => start + i);
    await Promise.all(ns.map((n) => store.createIncident(incident(year, n), [event(0, 'incident.opened')])));
  }
}

async function appendBench(dir: string): Promise<BenchRow> {
  const store = await openLowdbStore(dir, { onWarning: quiet });
  try {
    const small = await store.createIncident(incident(2030, 1));
    const large = await store.createIncident(incident(2030, 2));
    await seedEvents(store, small.id, SMALL);
    const seedMs = await timeMs(() => seedEvents(store, large.id, LARGE));
    console.log(
      `  seeded ${LARGE.toLocaleString('en-GB')} events through appendEvents in ${(seedMs / 1000).toFixed(1)} s`,
    );
    const times = await compareMedians(
      RUNS,
      (i) => store.appendEvents(small.id, [event(SMALL + i)]),
      (i) => store.appendEvents(large.id, [event(LARGE + i)]),
    );
    return benchRow(
      `append 1 event: ${SMALL} vs ${LARGE.toLocaleString('en-GB')} events`,
      times.baseline,
      times.measured,
      GOAL,
    );
  } finally {
    await store.close();
  }
}

/**
 * Seeding 10,000 incidents through the API with fsync on takes minutes on a
 * slow disk, so the seed runs with `durable: false` (same code, same files,
 * no fsync); the store is then reopened durable for the measurement.
 */
async function openSeeded(dir: string, count: number): Promise<Store> {
  const seeding = await openLowdbStore(dir, { durable: false, onWarning: quiet });
  const seedMs = await timeMs(() => seedIncidents(seeding, 2031, count));
  await seeding.close();
  let store: Store | undefined;
  const openMs = await timeMs(async () => {
    store = await openLowdbStore(dir, { onWarning: quiet });
  });
  const label = count.toLocaleString('en-GB');
  console.log(
    `  seeded ${label} incidents through createIncident in ${(seedMs / 1000).toFixed(1)} s; reopened in ${openMs.toFixed(0)} ms`,
  );
  return store!;
}

async function updateBench(root: string): Promise<BenchRow> {
  const few = await openSeeded(join(root, 'few'), SMALL);
  const many = await openSeeded(join(root, 'many'), LARGE);
  try {
    // Walk through the incidents (a stride coprime with both counts) so the large case touches many files.
    const update = (store: Store, count: number) => (i: number) => {
      const id = formatReference(2031, ((i * 7919) % count) + 1);
      return store.updateIncident(id, (current) => ({
        incident: {
          ...current,
          title: `Updated ${i}`,
          updatedAt: new Date(BASE_MS + i * 60_000).toISOString(),
        },
        events: [event(i, 'incident.updated')],
      }));
    };
    const times = await compareMedians(RUNS, update(few, SMALL), update(many, LARGE));
    return benchRow(
      `update 1 incident: ${SMALL} vs ${LARGE.toLocaleString('en-GB')} incidents`,
      times.baseline,
      times.measured,
      GOAL,
    );
  } finally {
    await few.close();
    await many.close();
  }
}

export async function runStoreBench(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'muster-bench-'));
  try {
    return [await appendBench(join(root, 'append')), await updateBench(root)];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
