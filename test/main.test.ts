import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './cli/cli-harness.js';

let dataDir: string;
let child: ChildProcessWithoutNullStreams | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'muster-main-'));
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

interface Running {
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the first JSON log line whose message matches. */
  logLine(pattern: RegExp): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function start(env: Record<string, string>): Running {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, MUSTER_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  child = proc;
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: Record<string, unknown>) => void }[] = [];
  let seen = 0;
  proc.stdout.on('data', (chunk) => {
    stdout += chunk;
    // Only whole lines: a chunk may end half-way through one.
    const complete = stdout.split('\n').slice(0, -1);
    for (const line of complete.slice(seen)) {
      seen += 1;
      if (!line.startsWith('{')) continue;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(String(parsed.msg))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(parsed);
        }
      }
    }
  });
  proc.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    proc.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    process: proc,
    exited,
    logLine: (pattern) =>
      Promise.race([
        new Promise<Record<string, unknown>>((resolve) => waiters.push({ pattern, resolve })),
        exited.then(({ code, stderr: err }) => {
          throw new Error(`main exited (${code}) before logging ${pattern}: ${err}`);
        }),
      ]),
  };
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('npm start (src/main.ts)', () => {
  it('starts, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const running = start({});
    const started = await running.logLine(/^Muster started/);

    expect(started).toMatchObject({
      protocol: 'Northamptonshire Tactical Response',
      milestones: 6,
      dataDir,
      tickCron: '* * * * *',
    });
    expect(String(started.platform)).toMatch(
      /^local console at http:\/\/localhost:\d+\/ \(simulated time\)$/,
    );
    const port = Number(started.port);
    expect(started.msg).toBe(
      `Muster started: open the local console at http://localhost:${port}/ (no Slack or Teams credentials are set)`,
    );
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect((await get(port, '/nowhere')).status).toBe(404);
    expect(existsSync(join(dataDir, 'muster.lock'))).toBe(true);

    running.process.kill('SIGTERM');
    const { code, stdout } = await running.exited;

    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"Muster stopped"');
    // The store was closed: the data directory is free for the next process.
    expect(existsSync(join(dataDir, 'muster.lock'))).toBe(false);
  });

  it('stops cleanly on SIGINT too', async () => {
    const running = start({});
    await running.logLine(/^Muster started/);
    running.process.kill('SIGINT');
    expect((await running.exited).code).toBe(0);
  });

  it('refuses a bad variable with a one-line message naming it, exit 2', async () => {
    const { code, stdout, stderr } = await start({ MUSTER_TICK_CRON: 'nope' }).exited;

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('muster: MUSTER_TICK_CRON: "nope" is not a valid cron expression\n');
  });

  it('refuses an invalid protocol file at start, listing every problem', async () => {
    const file = join(dataDir, 'protocol.json');
    await writeFile(file, JSON.stringify({ id: 'x', name: '', milestones: [] }));

    const { code, stderr } = await start({ MUSTER_PROTOCOL: file }).exited;

    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toContain(`protocol file ${file} is not a valid protocol`);
    expect(lines.slice(1).map((l) => l.split(':')[0]!.trim())).toEqual(['- name', '- milestones']);
  });

  it('refuses a directory file that is not there', async () => {
    const { code, stderr } = await start({ MUSTER_DIRECTORY: join(dataDir, 'none.json') }).exited;
    expect(code).toBe(2);
    expect(stderr).toContain('There is no directory file at');
  });
});
