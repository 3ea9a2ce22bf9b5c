/**
 * What every benchmark shares: timing with `process.hrtime.bigint`, medians,
 * the `BenchRow` each bench reports (a baseline, a measurement, their ratio
 * against a goal) and the table `bench/index.ts` prints. A bench is a
 * function returning rows; adding one is one entry in `bench/index.ts`.
 */

export interface BenchRow {
  name: string;
  /** Median of the small case, in `unit`. */
  baseline: number;
  /** Median of the large case, in `unit`. */
  measured: number;
  /** measured / baseline. */
  ratio: number;
  /** The highest acceptable ratio (the lowest to beat, with `higherIsBetter`). */
  goal: number;
  pass: boolean;
  unit: string;
  /** A throughput: the ratio must be above the goal rather than at or below it. */
  higherIsBetter?: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<BenchRow[]>;
}

export async function timeMs(task: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await task();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Medians of `runs` timings of a baseline and a measured task, alternating
 * between the two so drift (disk cache, CPU frequency, GC) hits both alike.
 * The first `warmup` runs of each are discarded.
 */
export async function compareMedians(
  runs: number,
  baseline: (i: number) => Promise<unknown>,
  measured: (i: number) => Promise<unknown>,
  warmup = Math.ceil(runs / 10),
): Promise<{ baseline: number; measured: number }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const ta = await timeMs(() => baseline(i));
    const tb = await timeMs(() => measured(i));
    if (i >= warmup) {
      a.push(ta);
      b.push(tb);
    }
  }
  return { baseline: median(a), measured: median(b) };
}

export function benchRow(
  name: string,
  baseline: number,
  measured: number,
  goal: number,
  unit = 'ms',
): BenchRow {
  const ratio = measured / baseline;
  return { name, baseline, measured, ratio, goal, pass: ratio <= goal, unit };
}

function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['bench', 'baseline', 'measured', 'ratio', 'goal', 'result'];
  const body = rows.map((row) => [
    row.name,
    `${fmt(row.baseline)} ${row.unit}`,
    `${fmt(row.measured)} ${row.unit}`,
    `${row.ratio.toFixed(2)}×`,
    `${row.higherIsBetter ? '>' : '≤'} ${row.goal}×`,
    row.pass ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((_, col) => Math.max(...[header, ...body].map((cells) => cells[col]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Runs each bench in turn and prints one table. A missed goal is reported, never an exit code. */
export async function runBenches(benches: readonly Bench[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const bench of benches) {
    console.log(`running ${bench.name}…`);
    rows.push(...(await bench.run()));
  }
  console.log(`\n${formatTable(rows)}`);
  const missed = rows.filter((row) => !row.pass);
  console.log(
    missed.length === 0
      ? '\nAll goals met.'
      : `\nMISSED ${missed.length} goal(s): ${missed.map((r) => r.name).join(', ')}`,
  );
  return rows;
}
