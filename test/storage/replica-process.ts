/**
 * One Muster replica in its own OS process, for the test that kills one with
 * SIGKILL (pg-replica-kill.test.ts): the real `startMuster` with the
 * configuration the parent passes, on a clock that runs at real speed from the
 * moment the parent chose, ticking only when told, so the parent knows what it
 * is doing when it dies.
 *
 * Run as `node --import tsx replica-process.ts '<ReplicaOptions as JSON>'`.
 * Reads `tick` and `stop` lines on stdin and answers `ready`, `ticked` and
 * `stopped` lines on stdout; logs go to stderr. Stdin closing stops it too, so
 * a parent that dies leaves no replica behind.
 */
import { createInterface } from 'node:readline';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { startMuster } from '../../src/app-runtime.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/ports.js';

export interface ReplicaOptions {
  /** Muster's variables (DATABASE_URL, SLACK_API_URL…), read as from the environment, which is left alone. */
  env: Record<string, string>;
  /** Added to the real time: every replica given the same offset agrees on the time. */
  clockOffsetMs: number;
  reminderLeaseMs: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ReplicaOptions;
const clock: Clock = { now: () => new Date(Date.now() + options.clockOffsetMs) };
const config = loadConfig(options.env);
const muster = await startMuster({
  config,
  clock,
  logger: createLogger({ level: config.logLevel, write: (line) => process.stderr.write(`${line}\n`) }),
  runOnStart: false,
  host: '127.0.0.1',
  reminderLeaseMs: options.reminderLeaseMs,
  // A failed post fails the tick at once; the parent decides when to tick again.
  slackClient: { retries: 0 },
});

const say = (line: string) => process.stdout.write(`${line}\n`);
let stopping: Promise<void> | undefined;
const stop = () => {
  stopping ??= muster.stop().then(() => {
    say('stopped');
    // Stdin may still be open; nothing else is left to wait for.
    process.exit(0);
  });
  return stopping;
};

// Commands run one at a time, in the order they came.
let queue = Promise.resolve();
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  queue = queue.then(async () => {
    if (line === 'tick') {
      await muster.tickNow();
      say('ticked');
    } else if (line === 'stop') {
      await stop();
    }
  });
});
commands.on('close', () => {
  queue = queue.then(stop);
});
say('ready');
