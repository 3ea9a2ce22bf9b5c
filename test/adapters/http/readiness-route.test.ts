/**
 * `/readyz`: 200 only when the store answers and the platforms are started,
 * 503 with a reason otherwise (a failing or hung check included), and the
 * process wires it so a console-mode start is ready until it stops.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../src/adapters/http/http-server.js';
import {
  type Readiness,
  registerReadinessRoute,
  storeAndPlatformsReadiness,
} from '../../../src/adapters/http/readiness-route.js';
import { silentLogger } from '../../../src/adapters/logging/logger.js';
import { startMuster } from '../../../src/app-runtime.js';
import { loadConfig } from '../../../src/config.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { testDirectory } from '../../fakes/test-directory.js';

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /readyz', () => {
  let http: HttpServer;
  let port: number;
  let check: () => Promise<Readiness>;

  beforeEach(async () => {
    http = createHttpServer(silentLogger);
    registerReadinessRoute(http, () => check(), 50);
    port = (await http.listen(0, '127.0.0.1')).port;
  });
  afterEach(() => http.close());

  it('answers 200 when the check says ready', async () => {
    check = async () => ({ ready: true });
    expect(await get(port, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 with the reason when the check says not ready', async () => {
    check = async () => ({ ready: false, reason: 'the chat platforms are not started' });
    expect(await get(port, '/readyz')).toEqual({
      status: 503,
      body: { status: 'not_ready', reason: 'the chat platforms are not started' },
    });
  });

  it('answers 503 when the check throws, naming the error', async () => {
    check = async () => {
      throw new Error('connection refused');
    };
    const answer = await get(port, '/readyz');
    expect(answer.status).toBe(503);
    expect(answer.body.reason).toBe('the readiness check failed: connection refused');
  });

  it('answers 503 when the check hangs past its time limit', async () => {
    check = () => new Promise<Readiness>(() => {});
    const answer = await get(port, '/readyz');
    expect(answer.status).toBe(503);
    expect(answer.body.reason).toBe('the readiness check took longer than 50 ms');
  });
});

describe('storeAndPlatformsReadiness', () => {
  it('is not ready until the platforms are started, then ready while the store answers', async () => {
    let started = false;
    const store = new InMemoryStore();
    const ready = storeAndPlatformsReadiness({ store, platformsStarted: () => started });
    expect(await ready()).toEqual({ ready: false, reason: 'the chat platforms are not started' });
    started = true;
    expect(await ready()).toEqual({ ready: true });
  });

  it('is not ready when the store fails to answer, with the store’s error', async () => {
    const store = {
      getIncident: async () => {
        throw new Error('This store is closed; open it again to use it.');
      },
    };
    const ready = storeAndPlatformsReadiness({ store, platformsStarted: () => true });
    expect(await ready()).toEqual({
      ready: false,
      reason: 'the store does not answer: This store is closed; open it again to use it.',
    });
  });
});

describe('a running Muster', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'muster-readyz-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('serves /healthz and /readyz side by side, ready once started', async () => {
    const directoryPath = join(dir, 'directory.json');
    await writeFile(directoryPath, JSON.stringify(testDirectory()));
    const config = loadConfig({
      PORT: '0',
      MUSTER_DATA_DIR: join(dir, 'data'),
      MUSTER_DIRECTORY: directoryPath,
      MUSTER_TICK_CRON: '0 0 1 1 *',
    });
    const muster = await startMuster({
      config,
      logger: silentLogger,
      clock: new FixedClock('2027-08-28T09:00:00+01:00'),
      runOnStart: false,
      host: '127.0.0.1',
    });
    try {
      expect(await get(muster.port, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await get(muster.port, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    } finally {
      await muster.stop();
    }
  });
});
