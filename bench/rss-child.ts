/**
 * Run by `rss-bench.ts` in its own process, so only Muster's memory is
 * counted: opens the embedded store in the directory given, lists the open
 * incidents, reads a few, runs one scheduler tick (resume announcements, then
 * the due reminders) and prints its peak resident set size as JSON.
 */
import { openLowdbStore } from '../src/adapters/storage/lowdb/lowdb-store.js';
import { resumeAnnouncements } from '../src/app/announce-incident.js';
import { runDueReminders } from '../src/app/run-due-reminders.js';
import { defaultProtocol } from '../src/core/protocol/default-protocol.js';
import { FixedClock } from '../test/fakes/fixed-clock.js';
import { RecordingPlatform } from '../test/fakes/recording-platform.js';
import { testDirectory } from '../test/fakes/test-directory.js';
import { NOW } from './scheduler-fixtures.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: rss-child.ts <data dir>');
const store = await openLowdbStore(dir, { onWarning: () => undefined });
const listed = await store.listIncidents({ status: ['open', 'initial-held', 'review-held', 'final-held'] });
for (const summary of listed.slice(0, 5)) {
  await store.getIncident(summary.id);
  await store.listEvents(summary.id);
  await store.listReminders(summary.id);
}
const deps = {
  store,
  clock: new FixedClock(NOW),
  protocol: defaultProtocol,
  directory: testDirectory(),
  platforms: [new RecordingPlatform()],
};
await resumeAnnouncements({ ...deps, announced: new Set() });
const result = await runDueReminders({ ...deps, owner: 'rss', leaseMs: 60_000, limit: 50 });
await store.close();
console.log(
  JSON.stringify({
    incidents: listed.length,
    sent: result.sent.length,
    rssBytes: process.memoryUsage().rss,
    // Linux reports kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
