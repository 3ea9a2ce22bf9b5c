/**
 * A replica that really dies: two Muster processes (replica-process.ts) on one
 * PostgreSQL schema and the fake Slack. Replica A claims a due reminder and is
 * killed with SIGKILL while Slack holds its post unanswered, so nothing it was
 * sending reaches the workspace; replica B leaves the reminder alone while A's
 * lease runs, then sends it, once. Real time, with a lease of two seconds.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgStore } from '../../src/adapters/storage/pg/pg-store.js';
import { openIncident } from '../../src/app/open-incident.js';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import { FORM_AT, validForm } from '../app/harness.js';
import { REPO_ROOT } from '../cli/cli-harness.js';
import { USERS } from '../e2e/slack/slack-fixtures.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../fakes/fake-slack/index.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { testDirectory } from '../fakes/test-directory.js';
import { TEST_DATABASE_URL, type TestSchema, testSchema } from './pg-test-database.js';
import type { ReplicaOptions } from './replica-process.js';

/** Tue 31 Aug 2027 15:00 BST: the initial meeting's 48-hour reminder falls due; the replicas' clocks start here. */
const BEFORE_48H = '2027-08-31T15:00:00+01:00';
const REMINDER = 'initial-meeting:before-48h';
const LEASE_MS = 2_000;
const SIO = { id: `slack:${USERS.sio.id}`, name: USERS.sio.realName };
const REPLICA_SCRIPT = join(REPO_ROOT, 'test/storage/replica-process.ts');

interface Replica {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves at the replica's next `line` on stdout; rejects if it exits first. */
  next(line: string): Promise<void>;
  /** One scheduler tick, resolved when it has finished. */
  tick(): Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it logged, for failure messages. */
  readonly stderr: string;
}

function startReplica(options: ReplicaOptions): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', REPLICA_SCRIPT, JSON.stringify(options)], {
    cwd: REPO_ROOT,
  });
  let stdout = '';
  let stderr = '';
  const waiters: { line: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) {
      const index = waiters.findIndex((waiter) => waiter.line === line);
      if (index >= 0) waiters.splice(index, 1)[0]?.resolve();
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const waiter of waiters.splice(0)) {
        waiter.reject(
          new Error(
            `replica ${child.pid} exited (${signal ?? code}) waiting for "${waiter.line}":\n${stderr}`,
          ),
        );
      }
      resolve({ code, signal });
    });
  });
  const next = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        reject(new Error(`replica ${child.pid} has exited:\n${stderr}`));
      } else waiters.push({ line, resolve, reject });
    });
  return {
    process: child,
    next,
    tick: () => {
      const ticked = next('ticked');
      child.stdin.write('tick\n');
      return ticked;
    },
    exited,
    get stderr() {
      return stderr;
    },
  };
}

/** Polls until `check` answers true, or fails naming what never happened. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Fails if `promise` takes longer than the deadline, so a stuck replica fails the test with its log. */
function within<T>(what: string, promise: Promise<T>, timeoutMs = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting: ${what}`)), timeoutMs);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const isReminderPost = (args: Record<string, unknown>) => JSON.stringify(args).includes(REMINDER);

let db: TestSchema;
let store: PgStore;
let fake: FakeSlack;
let workDir: string;
let replicas: Replica[];

beforeEach(async () => {
  replicas = [];
  db = testSchema();
  store = await db.open();
  fake = await startFakeSlack({ users: Object.values(USERS) });
  workDir = await mkdtemp(join(tmpdir(), 'muster-replica-kill-'));
});

afterEach(async () => {
  // Replicas first: their connections would hold the schema the drop waits for.
  for (const replica of replicas) {
    if (replica.process.exitCode === null && replica.process.signalCode === null) {
      replica.process.kill('SIGKILL');
    }
    await replica.exited;
  }
  await fake.close();
  await db.drop();
  await rm(workDir, { recursive: true, force: true });
});

async function replicaOptions(): Promise<ReplicaOptions> {
  const directoryPath = join(workDir, 'directory.json');
  await writeFile(directoryPath, JSON.stringify(testDirectory()));
  return {
    env: {
      DATABASE_URL: TEST_DATABASE_URL,
      MUSTER_PG_SCHEMA: db.schema,
      SLACK_BOT_TOKEN: 'xoxb-replica-kill',
      SLACK_SIGNING_SECRET: 'replica-kill-secret',
      SLACK_API_URL: fake.apiUrl,
      MUSTER_COORDINATION_CHANNEL: fake.addChannel({ name: 'csp-coordination', isPrivate: true }).id,
      MUSTER_DIRECTORY: directoryPath,
      MUSTER_DATA_DIR: join(workDir, 'data'),
      PORT: '0',
      // Ticks come from the test, not the wall clock: 1 January only.
      MUSTER_TICK_CRON: '0 0 1 1 *',
      LOG_LEVEL: 'warn',
    },
    clockOffsetMs: Date.parse(BEFORE_48H) - Date.now(),
    reminderLeaseMs: LEASE_MS,
  };
}

interface ReminderRow {
  claimed_by: string | null;
  lease_until: Date | null;
  sent_at: Date | null;
}

async function reminderRow(incidentId: string): Promise<ReminderRow> {
  const [row] = await db.query<ReminderRow>(
    'SELECT claimed_by, lease_until, sent_at FROM reminders WHERE incident_id = $1 AND key = $2',
    [incidentId, REMINDER],
  );
  if (!row) throw new Error(`no ${REMINDER} reminder for ${incidentId}`);
  return row;
}

/** Reminder posts the fake carried out and answered ok: what people actually received. */
function acceptedReminderPosts(): RecordedCall[] {
  return fake
    .callsTo('chat.postMessage')
    .filter((call) => call.status === 200 && call.error === undefined && isReminderPost(call.args));
}

/** The reminder as it stands in each conversation of the workspace, by conversation id. */
function reminderMessagesByConversation(): Record<string, number> {
  const conversations = [...fake.channels.map((c) => c.id), ...fake.dms.map((d) => d.id)];
  const counts: Record<string, number> = {};
  for (const id of conversations) {
    const found = fake.messages(id).filter((m) => JSON.stringify(m.blocks ?? []).includes(REMINDER));
    if (found.length > 0) counts[id] = found.length;
  }
  return counts;
}

describe('a replica killed with SIGKILL between claiming a reminder and sending it', () => {
  it('leaves nothing sent, and another replica sends the reminder once after the lease runs out', async () => {
    const { incident } = await openIncident(
      { store, clock: new FixedClock(FORM_AT), protocol: defaultProtocol, directory: testDirectory() },
      validForm({ sio: SIO, reportedBy: SIO }),
    );
    // Both start now (a process takes seconds to start); B stays idle until A is dead.
    const options = await replicaOptions();
    const [a, b] = [startReplica(options), startReplica(options)] as [Replica, Replica];
    replicas.push(a, b);
    await within('both replicas to start', Promise.all([a.next('ready'), b.next('ready')]));

    // A's tick announces the incident, claims the reminder and posts it: the fake holds the posts.
    const hold = fake.hold('chat.postMessage', isReminderPost);
    void a.tick().catch(() => {});
    await within(`replica A to post the reminder:\n${a.stderr}`, hold.arrived);
    const claimed = await reminderRow(incident.id);
    expect(claimed.claimed_by).toContain(`:${a.process.pid}:`);
    expect(claimed.sent_at).toBeNull();
    const leaseUntil = claimed.lease_until!.getTime();

    expect(a.process.kill('SIGKILL')).toBe(true);
    expect(await within('replica A to die', a.exited)).toEqual({ code: null, signal: 'SIGKILL' });
    // The fake sees A's connections drop, so it never carries out what A was sending.
    await until("the fake to see A's held posts abandoned", () => hold.waiting.length === 0);
    const interrupted = hold.abandoned.map((call) => String(call.args.channel));
    expect(interrupted.length).toBeGreaterThan(0);
    hold.release();
    expect(acceptedReminderPosts()).toEqual([]);
    expect((await reminderRow(incident.id)).claimed_by).toBe(claimed.claimed_by);

    // B ticks until it has sent the reminder. A tick that ended, by the replicas' clock, before
    // A's lease did cannot have taken the reminder: it is still A's, and nothing went out.
    const offsetMs = options.clockOffsetMs;
    await until(
      'replica B to send the reminder',
      async () => {
        await within(`replica B to tick:\n${b.stderr}`, b.tick());
        const row = await reminderRow(incident.id);
        if (Date.now() + offsetMs < leaseUntil) {
          expect(row).toEqual(claimed);
          expect(acceptedReminderPosts()).toEqual([]);
        }
        return row.sent_at !== null;
      },
      30_000,
    );
    // Later ticks find nothing to send.
    await b.tick();
    await b.tick();

    const sent = await reminderRow(incident.id);
    expect(sent.claimed_by).toBeNull();
    // B claimed (and stamped) it at a moment A's lease had ended.
    expect(sent.sent_at!.getTime()).toBeGreaterThanOrEqual(leaseUntil);
    const delivered = acceptedReminderPosts().map((call) => String(call.args.channel));
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered).toEqual(expect.arrayContaining(interrupted));
    // The incident channel (A announced the incident before it died), the SIO and the coordinator.
    const channel = (await store.getIncident(incident.id))?.spaces.slack?.spaceId;
    expect(channel).toBeDefined();
    expect([...delivered].sort()).toEqual([channel, USERS.cara.id, USERS.sio.id].sort());
    const perConversation = reminderMessagesByConversation();
    expect(Object.values(perConversation)).toEqual(delivered.map(() => 1));
    const events = await store.listEvents(incident.id);
    expect(events.filter((e) => e.type === 'reminder.sent').map((e) => e.data)).toEqual([
      expect.objectContaining({ key: REMINDER }),
    ]);
  }, 90_000);
});
