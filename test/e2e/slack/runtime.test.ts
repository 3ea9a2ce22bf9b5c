/**
 * How the process wires Slack: HTTP on the shared listener, Socket Mode with
 * no route at all, and a bot token Slack refuses stopping the start with a
 * message that names the variable.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHttpServer } from '../../../src/adapters/http/http-server.js';
import { silentLogger } from '../../../src/adapters/logging/logger.js';
import { createSlackApp } from '../../../src/adapters/slack/slack-app.js';
import { startMuster } from '../../../src/app-runtime.js';
import { loadConfig } from '../../../src/config.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { type FakeSlack, startFakeSlack } from '../../fakes/fake-slack/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { testDirectory } from '../../fakes/test-directory.js';
import { NOW } from './slack-fixtures.js';

let fake: FakeSlack;
let dir: string;
beforeEach(async () => {
  fake = await startFakeSlack({ tokens: ['xoxb-good'] });
  dir = await mkdtemp(join(tmpdir(), 'muster-runtime-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const deps = () => ({
  store: new InMemoryStore(),
  clock: new FixedClock(NOW),
  protocol: defaultProtocol,
  directory: testDirectory(),
});

it('in Socket Mode adds no HTTP route: /slack/events is not served', async () => {
  const http = createHttpServer(silentLogger);
  const slack = createSlackApp({
    slack: { botToken: 'xoxb-good', appToken: 'xapp-1-test', apiUrl: fake.apiUrl },
    deps: deps(),
    logger: silentLogger,
    http,
  });
  const { port } = await http.listen(0, '127.0.0.1');
  try {
    expect(slack.mode).toBe('socket-mode');
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).status).toBe(404);
  } finally {
    await http.close();
  }
});

it('over HTTP serves /slack/events on the shared listener and refuses unsigned requests', async () => {
  const http = createHttpServer(silentLogger);
  const slack = createSlackApp({
    slack: { botToken: 'xoxb-good', signingSecret: 'secret', apiUrl: fake.apiUrl },
    deps: deps(),
    logger: silentLogger,
    http,
  });
  await slack.start();
  const { port } = await http.listen(0, '127.0.0.1');
  try {
    expect(slack.mode).toBe('http');
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: 'x=1' });
    expect(response.status).toBe(401);
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  } finally {
    await http.close();
    await slack.stop();
  }
});

it('refuses to start when Slack does not accept the bot token, and frees the data directory', async () => {
  const directoryPath = join(dir, 'directory.json');
  await writeFile(directoryPath, JSON.stringify(testDirectory()));
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-revoked',
    SLACK_SIGNING_SECRET: 'secret',
    SLACK_API_URL: fake.apiUrl,
    MUSTER_DATA_DIR: join(dir, 'data'),
    MUSTER_DIRECTORY: directoryPath,
    PORT: '0',
  });
  const start = () =>
    startMuster({ config, logger: silentLogger, runOnStart: false, slackClient: { retries: 0 } });

  await expect(start()).rejects.toMatchObject({
    code: 'invalid_config',
    message: expect.stringMatching(/SLACK_BOT_TOKEN \(invalid_auth\)/),
  });
  // The store was closed on the way out, so a corrected start can open it.
  const corrected = await startMuster({
    config: { ...config, slack: { ...config.slack!, botToken: 'xoxb-good' } },
    logger: silentLogger,
    runOnStart: false,
    host: '127.0.0.1',
  });
  await corrected.stop();
});
