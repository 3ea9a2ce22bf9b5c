/**
 * Runs the CLI in-process with captured stdout/stderr, a fixed clock, a given
 * environment and a chosen store, and spawns it for the tests that must prove
 * what a real process prints.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StoreLocation } from '../../src/adapters/storage/open-store.js';
import type { CliIo, StoreAccess } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli.js';
import type { Store } from '../../src/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  now?: string;
  openStore?: (location: StoreLocation, access: StoreAccess) => Promise<Store>;
}

export async function cli(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    clock: new FixedClock(options.now ?? '2027-08-28T09:00:00+01:00'),
    openStore: options.openStore ?? (async () => new InMemoryStore()),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Runs a command in a real process from the repository root, stdin closed. */
export function spawnCommand(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
