/**
 * `npm run bench`: every benchmark, one table. To add one, write a function
 * returning `BenchRow[]` and add a line to `BENCHES`. `npm run bench -- --only
 * scheduler` runs the benches whose name contains "scheduler".
 */
import { type Bench, runBenches } from './bench-kit.js';
import { runExportBench } from './export-bench.js';
import { runPgStoreBench } from './pg-store-bench.js';
import { runReplicaBench } from './replica-bench.js';
import { runRssBench } from './rss-bench.js';
import { runSchedulerBench } from './scheduler-bench.js';
import { runSlackBench } from './slack-bench.js';
import { runStoreBench } from './store-bench.js';

const BENCHES: Bench[] = [
  { name: 'store (lowdb)', run: runStoreBench },
  { name: 'store (pg)', run: runPgStoreBench },
  { name: 'scheduler', run: runSchedulerBench },
  { name: 'memory', run: runRssBench },
  { name: 'replicas', run: runReplicaBench },
  { name: 'slack', run: runSlackBench },
  { name: 'export', run: runExportBench },
];

function chosen(args: readonly string[]): Bench[] {
  const at = args.indexOf('--only');
  if (at === -1) return BENCHES;
  const wanted = args[at + 1];
  const found = wanted ? BENCHES.filter((bench) => bench.name.includes(wanted)) : [];
  if (found.length === 0) {
    console.error(`--only needs one of: ${BENCHES.map((bench) => bench.name).join(', ')}`);
    process.exit(2);
  }
  return found;
}

await runBenches(chosen(process.argv.slice(2)));
