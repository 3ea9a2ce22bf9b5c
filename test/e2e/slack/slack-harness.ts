/**
 * The whole Muster process, in-process, against the fake Slack: a temporary
 * data directory, the test directory written to a file, a fixed clock, and
 * Slack users whose emails match the directory's contacts (except Nia's, so
 * there is always one contact Slack cannot find). Tests drive it with signed
 * requests, as Slack would, and assert on the Web API calls the fake saw.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type RunningMuster, startMuster } from '../../../src/app-runtime.js';
import { loadConfig } from '../../../src/config.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import {
  type FakeSlack,
  type FakeUser,
  type SlackHttpResponse,
  type SlackRequestClient,
  type StateValues,
  slackRequest,
  startFakeSlack,
} from '../../fakes/fake-slack/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';
import { testDirectory } from '../../fakes/test-directory.js';

import { formValues, NOW, SECRET, USERS } from './slack-fixtures.js';

export { formValues, NOW, OCCURRED_AT, SECRET, USERS } from './slack-fixtures.js';

export interface Harness {
  fake: FakeSlack;
  muster: RunningMuster;
  slack: SlackRequestClient;
  clock: FixedClock;
  logger: RecordingLogger;
  coordinationChannel: string;
  dataDir: string;
  /** Starts a second process on the same data directory and fake Slack (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  retries?: number;
  /** Each Web API request's time limit in milliseconds (the client's default otherwise). */
  timeout?: number;
  /** More variables for the process (MUSTER_COORDINATOR_GROUPS…). */
  env?: Record<string, string>;
  /** More Slack users than USERS, and user groups (id → member ids). */
  users?: FakeUser[];
  usergroups?: Record<string, string[]>;
  /** Runs on the fake before Muster starts (to inject a failure at start). */
  prepare?: (fake: FakeSlack) => void;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'muster-e2e-'));
  const directoryPath = join(dataDir, 'directory.json');
  await writeFile(directoryPath, JSON.stringify(testDirectory()));
  const fake = await startFakeSlack({
    users: [...Object.values(USERS), ...(options.users ?? [])],
    ...(options.usergroups ? { usergroups: options.usergroups } : {}),
  });
  options.prepare?.(fake);
  const coordinationChannel = fake.addChannel({ name: 'csp-coordination', isPrivate: true }).id;
  const clock = new FixedClock(NOW);
  const logger = new RecordingLogger();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-e2e',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    MUSTER_COORDINATION_CHANNEL: coordinationChannel,
    MUSTER_DATA_DIR: join(dataDir, 'data'),
    MUSTER_DIRECTORY: directoryPath,
    PORT: '0',
    // Ticks come from the tests (tickNow), not the wall clock: 1 January only.
    MUSTER_TICK_CRON: '0 0 1 1 *',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const launch = async () => {
    const muster = await startMuster({
      config,
      clock,
      logger,
      runOnStart: false,
      host: '127.0.0.1',
      slackClient: {
        retries: options.retries ?? 0,
        minTimeout: 0,
        maxTimeout: 0,
        ...(options.timeout ? { timeout: options.timeout } : {}),
      },
    });
    return {
      muster,
      slack: slackRequest(`http://127.0.0.1:${muster.port}`, SECRET, { responseUrl: fake.responseUrl }),
    };
  };
  let running = await launch();
  const harness: Harness = {
    fake,
    muster: running.muster,
    slack: running.slack,
    clock,
    logger,
    coordinationChannel,
    dataDir,
    async restart() {
      await running.muster.stop();
      running = await launch();
      harness.muster = running.muster;
      harness.slack = running.slack;
    },
    async close() {
      await running.muster.stop();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface OpenedForm {
  view: Record<string, unknown>;
  submit(
    values?: StateValues,
    send?: Parameters<SlackRequestClient['viewSubmission']>[3],
  ): Promise<SlackHttpResponse>;
}

/** `/incident` as `userId`, then the modal Slack would show, ready to submit with the same view id. */
export async function openForm(h: Harness, userId: string = USERS.sio.id): Promise<OpenedForm> {
  const before = h.fake.callsTo('views.open').length;
  const response = await h.slack.command({
    command: '/incident',
    text: '',
    user_id: userId,
    channel_id: 'CGENERAL',
  });
  expect(response.status).toBe(200);
  await h.muster.idle();
  const opened = h.fake.callsTo('views.open');
  expect(opened).toHaveLength(before + 1);
  const view = h.fake.views.at(-1)!.view;
  return {
    view,
    submit: (values = formValues(), send) =>
      h.slack.viewSubmission(
        {
          callback_id: String(view.callback_id),
          id: String(view.id),
          blocks: view.blocks,
          private_metadata: String(view.private_metadata),
          values,
        },
        userId,
        {},
        send,
      ),
  };
}

/** Opens and submits the form, waits for the work after the ack, and returns the one incident. */
export async function reportIncident(h: Harness): Promise<Incident> {
  const form = await openForm(h);
  const response = await form.submit();
  expect(response.status).toBe(200);
  expect(response.body).toBe('');
  await h.muster.idle();
  const [summary] = await h.muster.store.listIncidents();
  return (await h.muster.store.getIncident(summary!.id))!;
}

export function channelOf(incident: Incident): string {
  const id = incident.spaces.slack?.spaceId;
  if (!id) throw new Error(`${incident.reference} has no Slack channel`);
  return id;
}

/** The plain text of every message in a conversation, blocks included, for loose assertions. */
export function textsIn(h: Harness, conversation: string): string[] {
  return h.fake.messages(conversation).map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`);
}
