/**
 * The console in-process, as the runtime will wire it: a real HTTP server on
 * port 0, the lowdb store and the console history in a temporary data
 * directory, a SimulatedClock over a fixed base time, the test directory
 * (plus Owen, a probation officer on no list, so there is always someone who
 * is in no incident channel), and a tick that resumes announcements and sends
 * due reminders through the console platform. Tests drive it over HTTP.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedClock } from '../../../src/adapters/clock/simulated-clock.js';
import { USER_HEADER } from '../../../src/adapters/console/console-http.js';
import type { ConsoleMessage } from '../../../src/adapters/console/console-model.js';
import { createConsole, type RunningConsole } from '../../../src/adapters/console/index.js';
import { createHttpServer, type HttpServer } from '../../../src/adapters/http/http-server.js';
import { openLowdbStore } from '../../../src/adapters/storage/lowdb/lowdb-store.js';
import { resumeAnnouncements } from '../../../src/app/announce-incident.js';
import type { DirectoryDeps } from '../../../src/app/deps.js';
import { runDueReminders } from '../../../src/app/run-due-reminders.js';
import { parseDirectory } from '../../../src/core/directory/directory.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import type { Store } from '../../../src/ports.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';
import { testDirectory } from '../../fakes/test-directory.js';

/** Sat 28 Aug 2027 09:00 BST, the morning after the DESIGN.md worked example's incident. */
export const NOW = '2027-08-28T09:00:00+01:00';
export const OUTSIDER = 'owen-probation';

export function consoleDirectory() {
  const base = testDirectory();
  return parseDirectory({
    ...base,
    agencies: [...base.agencies, { id: 'probation', name: 'Probation' }],
    contacts: [
      ...base.contacts,
      {
        id: OUTSIDER,
        name: 'Owen Probation',
        email: 'owen@probation.example',
        role: 'Officer',
        agency: 'probation',
      },
    ],
  });
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read the JSON freely.
  body: any;
  headers: Headers;
}

export interface ConsoleHarness {
  baseUrl: string;
  baseClock: FixedClock;
  clock: SimulatedClock;
  deps: DirectoryDeps;
  store: Store;
  console: RunningConsole;
  logger: RecordingLogger;
  dataDir: string;
  webDir: string;
  get(path: string, as?: string): Promise<Reply>;
  post(path: string, body: unknown, as?: string): Promise<Reply>;
  /** Reopens everything on the same data directory, as after a restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'muster-console-'));
  const webDir = join(dataDir, 'web');
  await mkdir(webDir);
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Muster console</title>');
  await writeFile(join(webDir, 'app.js'), 'console.log("muster");');
  await mkdir(join(webDir, 'js'));
  await writeFile(join(webDir, 'js', 'state.js'), 'export const state = {};');
  const baseClock = new FixedClock(NOW);
  const logger = new RecordingLogger();

  const launch = async () => {
    const clock = new SimulatedClock(baseClock);
    const store = await openLowdbStore(join(dataDir, 'data'), { durable: false, onWarning: () => {} });
    const deps: DirectoryDeps = { store, clock, protocol: defaultProtocol, directory: consoleDirectory() };
    const http: HttpServer = createHttpServer(logger);
    let running: RunningConsole | undefined;
    const tick = async () => {
      const platforms = [running!.platform];
      await resumeAnnouncements({ ...deps, platforms });
      await runDueReminders({ ...deps, platforms, owner: 'test', leaseMs: 60_000, limit: 50 });
    };
    running = await createConsole({ deps, http, logger, clock, dataDir, tick, webDir });
    const { port } = await http.listen(0, '127.0.0.1');
    return { clock, store, deps, http, running, port };
  };

  let current = await launch();
  const call = async (method: string, path: string, body?: unknown, as?: string): Promise<Reply> => {
    const res = await fetch(`http://127.0.0.1:${current.port}${path}`, {
      method,
      headers: {
        ...(as ? { [USER_HEADER]: as } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const stop = async () => {
    await current.running.close();
    await current.http.close();
    await current.store.close();
  };

  const harness: ConsoleHarness = {
    get baseUrl() {
      return `http://127.0.0.1:${current.port}`;
    },
    baseClock,
    get clock() {
      return current.clock;
    },
    get deps() {
      return current.deps;
    },
    get store() {
      return current.store;
    },
    get console() {
      return current.running;
    },
    logger,
    dataDir,
    webDir,
    get: (path, as) => call('GET', path, undefined, as),
    post: (path, body, as) => call('POST', path, body, as),
    restart: async () => {
      await stop();
      current = await launch();
    },
    close: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  } as ConsoleHarness;
  return harness;
}

/** What the new-incident form's Action.Submit posts, for a valid report from Pat, in Corby. */
export function goodReport(context: Record<string, string>, overrides: Record<string, unknown> = {}) {
  return {
    formId: 'new-incident',
    context,
    occurredAt__date: '2027-08-27',
    occurredAt__time: '15:00',
    area: 'corby',
    location: 'Market Street',
    category: 'gold-group',
    description: 'A stabbing outside a takeaway.',
    weapon: 'knife',
    sio: 'pat-police',
    reportedBy: 'pat-police',
    knockOnAreas: 'kettering',
    ...overrides,
  };
}

/** Opens the form as Pat, submits the good report, and returns the answer. */
export async function reportIncident(h: ConsoleHarness): Promise<Reply> {
  const form = await h.post(
    '/console/api/command',
    { channelId: 'coordination', text: '/incident' },
    'pat-police',
  );
  const context = submitData(form.body.form.card).context as Record<string, string>;
  return h.post(
    '/console/api/submit',
    { channelId: 'coordination', data: goodReport(context) },
    'pat-police',
  );
}

/** The data of a card's first Action.Submit (the form's submit button). */
export function submitData(card: {
  actions?: { data?: Record<string, unknown> }[];
}): Record<string, unknown> {
  const data = card.actions?.[0]?.data;
  if (!data) throw new Error('the card has no submit action');
  return data;
}

/** Every Action.Submit data object anywhere in a card, e.g. the Acknowledge buttons. */
export function buttons(card: unknown): { verb: string; value: string }[] {
  const found: { verb: string; value: string }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const data = record.data as { verb?: unknown; value?: unknown } | undefined;
      if (record.type === 'Action.Submit' && typeof data?.verb === 'string') {
        found.push({ verb: data.verb, value: String(data.value) });
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

export interface SseClient {
  events: { event: string; data: unknown }[];
  /** Resolves with the first event (already received or still to come) that matches. */
  next(
    match: (e: { event: string; data: unknown }) => boolean,
    timeoutMs?: number,
  ): Promise<{ event: string; data: unknown }>;
  close(): void;
}

/** A browser's EventSource, reduced to what the tests need. */
export function listen(baseUrl: string, as: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const events: SseClient['events'] = [];
    const waiters: (() => void)[] = [];
    const req = request(`${baseUrl}/console/api/events?as=${as}`, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          for (const wake of waiters.splice(0)) wake();
          end = buffer.indexOf('\n\n');
        }
      });
      resolve({
        events,
        next: (match, timeoutMs = 2000) =>
          new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error('no matching SSE event')), timeoutMs);
            const check = () => {
              const hit = events.find(match);
              if (hit) {
                clearTimeout(timer);
                done(hit);
              } else waiters.push(check);
            };
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export const messageEvent = (id: string) => (e: { event: string; data: unknown }) =>
  e.event === 'message' && (e.data as ConsoleMessage).id === id;
