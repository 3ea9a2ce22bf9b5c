/**
 * Do two replicas deliver reminders faster than one? The real runtime runs
 * in one or two child processes on one PostgreSQL schema, each with its own
 * Slack client pointed at the fake Slack (in this process). 1,000 incidents
 * each get one due reminder (to the incident channel and the area
 * coordinator, so two messages each); the time runs from "go" until every
 * replica finds nothing left to claim. Reported: reminders per second, one
 * replica vs two; goal above 1×. On a 2-core machine the replicas share the
 * cores with PostgreSQL and the fake Slack, so expect well under 2×.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openPgStore } from '../src/adapters/storage/pg/pg-store.js';
import { formatReference } from '../src/core/incident/reference.js';
import type { Store } from '../src/ports.js';
import { type FakeSlack, startFakeSlack } from '../test/fakes/fake-slack/index.js';
import { testDirectory } from '../test/fakes/test-directory.js';
import { makeIncident } from '../test/fixtures/incident-factory.js';
import type { BenchRow } from './bench-kit.js';
import { benchSchemaName, DATABASE_URL, dropSchema, dueReminder, pgAvailable } from './scheduler-fixtures.js';

const INCIDENTS = 1_000;
const YEAR = 2035;

interface Replica {
  ready: Promise<void>;
  done: Promise<number>;
  go(): void;
}

function startReplica(env: NodeJS.ProcessEnv): Replica {
  const script = new URL('./replica-child.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let ready!: () => void;
  let done!: (ticks: number) => void;
  let failed!: (error: Error) => void;
  const readyP = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const doneP = new Promise<number>((resolve, reject) => {
    done = resolve;
    const previous = failed;
    failed = (error) => {
      previous(error);
      reject(error);
    };
  });
  // Whichever is awaited later must not surface as an unhandled rejection.
  readyP.catch(() => undefined);
  doneP.catch(() => undefined);
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') ready();
    else if (line.startsWith('done ')) done(Number(line.slice(5)));
  });
  child.on('exit', (code) => {
    if (code !== 0) failed(new Error(`a replica exited with ${code}`));
  });
  return { ready: readyP, done: doneP, go: () => child.stdin.write('go\n') };
}

async function seed(store: Store, fake: FakeSlack): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 1; start <= INCIDENTS; start += 32) {
    const ns = Array.from({ length: Math.min(32, INCIDENTS - start + 1) }, (_, i) => start + i);
    await Promise.all(
      ns.map(async (n) => {
        const reference = formatReference(YEAR, n);
        const channel = fake.addChannel({ name: `sv-${YEAR}-${n}`, isPrivate: true });
        const slack = {
          spaceId: channel.id,
          spaceName: channel.name,
          completedAt: '2027-03-15T07:30:00.000Z',
        };
        await store.createIncident(
          makeIncident({ id: reference, reference, area: 'corby', spaces: { slack } }),
        );
        ids.push(reference);
      }),
    );
  }
  return ids;
}

/** Reminders per second with `count` replicas; each round makes a fresh reminder due in every incident. */
async function round(env: NodeJS.ProcessEnv, store: Store, ids: string[], fake: FakeSlack, count: number) {
  const replicas = Array.from({ length: count }, () => startReplica(env));
  await Promise.all(replicas.map((r) => r.ready));
  await Promise.all(
    ids.map((id) => store.syncReminders(id, [dueReminder(`due-${count}`, ['coordinators'])])),
  );
  fake.clearCalls();
  const start = process.hrtime.bigint();
  for (const replica of replicas) replica.go();
  const ticks = await Promise.all(replicas.map((r) => r.done));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const posts = fake.calls.filter((call) => call.method === 'chat.postMessage').length;
  let sent = 0;
  for (const id of ids)
    if ((await store.listReminders(id)).some((r) => r.key === `due-${count}` && r.sentAt)) sent += 1;
  if (sent !== ids.length) throw new Error(`${count} replica(s) sent ${sent} of ${ids.length} reminders`);
  console.log(
    `  ${count} replica(s): ${sent} reminders (${posts} messages) in ${seconds.toFixed(1)} s, ticks ${ticks.join(' + ')}`,
  );
  return sent / seconds;
}

export async function runReplicaBench(): Promise<BenchRow[]> {
  if (!(await pgAvailable())) {
    console.log('  PostgreSQL is not reachable: skipped');
    return [];
  }
  const schema = benchSchemaName();
  const dir = await mkdtemp(join(tmpdir(), 'muster-replica-bench-'));
  const fake = await startFakeSlack({ users: [{ id: 'UCARA', email: 'cara@csp.example', name: 'cara' }] });
  // Synchronous commit off while seeding only; the replicas run durable, as in production.
  const store = await openPgStore({ connectionString: DATABASE_URL, schema, durable: false });
  try {
    const directoryPath = join(dir, 'directory.json');
    await writeFile(directoryPath, JSON.stringify(testDirectory()));
    const ids = await seed(store, fake);
    const env = {
      ...process.env,
      DATABASE_URL,
      MUSTER_PG_SCHEMA: schema,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-secret',
      SLACK_API_URL: fake.apiUrl,
      MUSTER_COORDINATION_CHANNEL: fake.addChannel({ name: 'coordination', isPrivate: true }).id,
      MUSTER_DATA_DIR: join(dir, 'data'),
      MUSTER_DIRECTORY: directoryPath,
      MUSTER_TICK_CRON: '0 0 1 1 *',
      PORT: '0',
    };
    const one = await round(env, store, ids, fake, 1);
    const two = await round(env, store, ids, fake, 2);
    const ratio = two / one;
    return [
      {
        name: `reminders/s to the fake Slack: 1 vs 2 replicas (pg, ${INCIDENTS.toLocaleString('en-GB')} due)`,
        baseline: one,
        measured: two,
        ratio,
        goal: 1,
        pass: ratio > 1,
        unit: '/s',
        higherIsBetter: true,
      },
    ];
  } finally {
    await store.close();
    await fake.close();
    await dropSchema(schema);
    await rm(dir, { recursive: true, force: true });
  }
}
