/**
 * Slack, measured against the fake Slack in one run:
 * (a) how long Slack waits for the ack of a notification-form submission:
 *     Muster (validation, then ack; the incident is opened after it) against a
 *     bare Bolt app that only acks, same signed requests, alternating, p50/p99;
 * (b) how many Web API calls opening an incident's channel takes with 5 and
 *     with 500 directory contacts, by kind: the channel's own calls (should not
 *     grow), look-ups (contacts by email, not yet cached), direct messages.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import { silentLogger } from '../src/adapters/logging/logger.js';
import { CALLBACKS } from '../src/adapters/slack/ids.js';
import { type RunningMuster, startMuster } from '../src/app-runtime.js';
import { loadConfig } from '../src/config.js';
import { parseDirectory } from '../src/core/directory/directory.js';
import { formValues, NOW, SECRET, USERS } from '../test/e2e/slack/slack-fixtures.js';
import { type FakeSlack, type FakeUser, startFakeSlack } from '../test/fakes/fake-slack/index.js';
import { slackRequest } from '../test/fakes/fake-slack/signed-requests.js';
import { FixedClock } from '../test/fakes/fixed-clock.js';
import { type BenchRow, benchRow, timeMs } from './bench-kit.js';

const RUNS = 300;
const WARMUP = 30;
const ACK_GOAL = 1.2;
const SIO = USERS.sio;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A directory of one area whose `contacts` people spread over 10 agencies; the first two are on List 1. */
function benchDirectory(contacts: number) {
  const agencies = Array.from({ length: 10 }, (_, i) => ({ id: `agency-${i}`, name: `Agency ${i}` }));
  return parseDirectory({
    version: 1,
    partnership: 'Bench Partnership',
    areas: [
      { id: 'corby', name: 'Corby', coordinators: ['person-0'] },
      { id: 'kettering', name: 'Kettering' },
    ],
    agencies,
    memberships: agencies.map((a, i) => ({ area: 'corby', agency: a.id, lists: i < 2 ? [1, 2] : [2] })),
    contacts: Array.from({ length: contacts }, (_, i) => ({
      id: `person-${i}`,
      name: `Person ${i}`,
      email: `person-${i}@bench.example`,
      role: 'Lead',
      agency: `agency-${i % 10}`,
    })),
  });
}

interface Running {
  fake: FakeSlack;
  muster: RunningMuster;
  close(): Promise<void>;
}

async function startBenchMuster(contacts: number): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'muster-slack-bench-'));
  const directoryPath = join(dir, 'directory.json');
  await writeFile(directoryPath, JSON.stringify(benchDirectory(contacts)));
  const people: FakeUser[] = Array.from({ length: contacts }, (_, i) => ({
    id: `UP${i}`,
    email: `person-${i}@bench.example`,
    name: `person${i}`,
  }));
  const fake = await startFakeSlack({ users: [SIO, ...people] });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    MUSTER_COORDINATION_CHANNEL: fake.addChannel({ name: 'coordination', isPrivate: true }).id,
    MUSTER_DATA_DIR: join(dir, 'data'),
    MUSTER_DIRECTORY: directoryPath,
    MUSTER_TICK_CRON: '0 0 1 1 *',
  });
  const muster = await startMuster({
    config,
    clock: new FixedClock(NOW),
    logger: silentLogger,
    runOnStart: false,
    host: '127.0.0.1',
  });
  return {
    fake,
    muster,
    close: async () => {
      await muster.stop();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function startBareBolt(fake: FakeSlack): Promise<{ url: string; close(): Promise<void> }> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl },
  });
  app.view(CALLBACKS.newIncident, async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await app.stop();
    },
  };
}

async function ackBench(): Promise<BenchRow[]> {
  const running = await startBenchMuster(5);
  const bare = await startBareBolt(running.fake);
  try {
    const toMuster = slackRequest(`http://127.0.0.1:${running.muster.port}`, SECRET);
    const toBare = slackRequest(bare.url, SECRET);
    const values = formValues();
    const submit = (client: typeof toMuster, i: number) => async () => {
      const response = await client.viewSubmission(
        { callback_id: CALLBACKS.newIncident, id: `VBENCH${i}`, values },
        SIO.id,
      );
      if (response.status !== 200 || response.body !== '')
        throw new Error(`unexpected answer ${response.status} ${response.body}`);
    };
    const bareMs: number[] = [];
    const musterMs: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      // Alternate which goes first, so neither always follows the other's work.
      let b: number;
      let m: number;
      if (i % 2 === 0) {
        b = await timeMs(submit(toBare, i));
        m = await timeMs(submit(toMuster, i));
      } else {
        m = await timeMs(submit(toMuster, i));
        b = await timeMs(submit(toBare, i));
      }
      // The incident is opened and announced after the ack; let it finish so the next ack is timed on its own.
      await running.muster.idle();
      if (i >= WARMUP) {
        bareMs.push(b);
        musterMs.push(m);
      }
    }
    const opened = (await running.muster.store.listIncidents()).length;
    console.log(`  ${opened} incidents opened by the measured submissions (each after its ack)`);
    return [
      benchRow(
        'view submission ack p50: bare Bolt vs Muster',
        percentile(bareMs, 50),
        percentile(musterMs, 50),
        ACK_GOAL,
      ),
      benchRow(
        'view submission ack p99: bare Bolt vs Muster',
        percentile(bareMs, 99),
        percentile(musterMs, 99),
        ACK_GOAL,
      ),
    ];
  } finally {
    await bare.close();
    await running.close();
  }
}

type CallKind = 'channel' | 'lookup' | 'direct' | 'coordination' | 'other';

async function openChannelCalls(contacts: number): Promise<Record<CallKind, number>> {
  const running = await startBenchMuster(contacts);
  try {
    const client = slackRequest(`http://127.0.0.1:${running.muster.port}`, SECRET);
    running.fake.clearCalls();
    await client.viewSubmission(
      { callback_id: CALLBACKS.newIncident, id: 'VCOUNT', values: formValues() },
      SIO.id,
    );
    await running.muster.idle();
    const [summary] = await running.muster.store.listIncidents();
    const incident = await running.muster.store.getIncident(summary!.id);
    const channel = incident?.spaces.slack?.spaceId;
    if (!incident?.spaces.slack?.completedAt) throw new Error('the incident was not fully announced');
    const counts: Record<CallKind, number> = { channel: 0, lookup: 0, direct: 0, coordination: 0, other: 0 };
    for (const call of running.fake.calls)
      counts[kindOf(call.method, String(call.args.channel ?? ''), channel)] += 1;
    return counts;
  } finally {
    await running.close();
  }
}

function kindOf(method: string, target: string, channel: string | undefined): CallKind {
  if (['users.lookupByEmail', 'users.info', 'auth.test'].includes(method)) return 'lookup';
  if (method.startsWith('conversations.') || method === 'pins.add') return 'channel';
  if (method === 'chat.postMessage' || method === 'chat.postEphemeral') {
    // An ephemeral is addressed to one person (the submitter), so it counts with the direct messages.
    if (target === channel && method === 'chat.postMessage') return 'channel';
    return target.startsWith('U') || method === 'chat.postEphemeral' ? 'direct' : 'coordination';
  }
  return 'other';
}

async function callsBench(): Promise<BenchRow[]> {
  const few = await openChannelCalls(5);
  const many = await openChannelCalls(500);
  console.log('  Web API calls to open an incident, by kind (5 contacts → 500 contacts):');
  for (const kind of Object.keys(few) as CallKind[])
    console.log(`    ${kind.padEnd(12)} ${few[kind]} → ${many[kind]}`);
  console.log(
    '  channel: create, purpose, topic, one invite, card, pin (+ a notice when contacts are missing);\n' +
      '  lookup: users.lookupByEmail per contact not yet cached, users.info for the form’s people, auth.test;\n' +
      '  direct: one DM per List 1 contact and knock-on coordinator, and the ephemeral to the submitter.',
  );
  return [
    benchRow('channel calls to open an incident: 5 vs 500 contacts', few.channel, many.channel, 1, 'calls'),
  ];
}

export async function runSlackBench(): Promise<BenchRow[]> {
  return [...(await ackBench()), ...(await callsBench())];
}
