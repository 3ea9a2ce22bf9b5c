/**
 * One Muster replica for `replica-bench.ts`: the real runtime (PostgreSQL and
 * Slack from the environment, the clock fixed at the bench's "now"). It ticks
 * once to warm up, says `ready`, waits for `go` on stdin, then ticks back to
 * back until no reminder is left that it could claim, and says `done`.
 */
import { createInterface } from 'node:readline';
import pg from 'pg';
import { silentLogger } from '../src/adapters/logging/logger.js';
import { startMuster } from '../src/app-runtime.js';
import { loadConfig } from '../src/config.js';
import { FixedClock } from '../test/fakes/fixed-clock.js';
import { NOW } from './scheduler-fixtures.js';

const config = loadConfig(process.env);
const muster = await startMuster({
  config,
  clock: new FixedClock(NOW),
  logger: silentLogger,
  runOnStart: false,
  host: '127.0.0.1',
});
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
const claimable = async (): Promise<number> => {
  const found = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${process.env.MUSTER_PG_SCHEMA}.reminders
     WHERE sent_at IS NULL AND fire_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)`,
    [NOW],
  );
  return Number(found.rows[0]!.n);
};

await muster.tickNow();
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
let ticks = 0;
do {
  await muster.tickNow();
  ticks += 1;
} while ((await claimable()) > 0);
console.log(`done ${ticks}`);
lines.close();
await db.end();
await muster.stop();
