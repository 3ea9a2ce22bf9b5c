/**
 * Memory of the embedded store with 10,000 incidents (10 pending reminders
 * each, 50 of them with one due): a child process opens the store, lists,
 * reads a few incidents and runs a tick, then reports its peak RSS, so the
 * bench's own memory (and the seeding) does not count. The baseline is the
 * same child on a store of 10 incidents; the goal is absolute (256 MB), so
 * the ratio is against that budget.
 */
import { spawn } from 'node:child_process';
import type { BenchRow } from './bench-kit.js';
import { dueReminder, openBenchStore, pendingReminders, seed } from './scheduler-fixtures.js';

const BUDGET_MB = 256;
const SMALL = 10;
const LARGE = 10_000;
const DUE = 50;

interface ChildReport {
  incidents: number;
  sent: number;
  rssBytes: number;
  maxRssBytes: number;
}

function runChild(dir: string): Promise<ChildReport> {
  const script = new URL('./rss-child.ts', import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the RSS child exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport);
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function peakMb(incidents: number): Promise<number> {
  const bench = await openBenchStore('lowdb');
  try {
    const pending = Math.max(0, incidents - DUE);
    await seed(bench.store, 2034, 1, pending, ['recording'], pendingReminders);
    await seed(bench.store, 2034, pending + 1, Math.min(DUE, incidents), ['recording'], () => [
      ...pendingReminders(),
      dueReminder('due'),
    ]);
    await bench.reopenDurable();
    await bench.store.close();
    const report = await runChild(bench.dir!);
    const mb = report.maxRssBytes / 2 ** 20;
    console.log(
      `  ${report.incidents.toLocaleString('en-GB')} incidents: peak RSS ${mb.toFixed(0)} MB, ${report.sent} reminders sent in the tick`,
    );
    return mb;
  } finally {
    await bench.close();
  }
}

export async function runRssBench(): Promise<BenchRow[]> {
  const baseline = await peakMb(SMALL);
  const measured = await peakMb(LARGE);
  const ratio = measured / BUDGET_MB;
  return [
    {
      name: `peak RSS, lowdb: ${SMALL} vs ${LARGE.toLocaleString('en-GB')} incidents (budget ${BUDGET_MB} MB)`,
      baseline,
      measured,
      ratio,
      goal: 1,
      pass: ratio <= 1,
      unit: 'MB',
    },
  ];
}
