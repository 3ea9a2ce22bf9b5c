/**
 * `npm run bench`: every benchmark, one table. To add one, write a function
 * returning `BenchRow[]` and add a line to `BENCHES`.
 */
import { type Bench, runBenches } from './bench-kit.js';
import { runExportBench } from './export-bench.js';
import { runSlackBench } from './slack-bench.js';
import { runStoreBench } from './store-bench.js';

const BENCHES: Bench[] = [
  { name: 'store (lowdb)', run: runStoreBench },
  { name: 'slack', run: runSlackBench },
  { name: 'export', run: runExportBench },
];

await runBenches(BENCHES);
