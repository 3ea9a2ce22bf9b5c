import { describe, expect, it } from 'vitest';
import { lines, spawnCommand } from './cli-harness.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the muster CLI as a process', () => {
  it('prints only the JSON document on stdout under `npm run --silent cli -- timeline … --json`', async () => {
    const result = await spawnCommand(npm, [
      'run',
      '--silent',
      'cli',
      '--',
      'timeline',
      '--occurred-at',
      '2027-08-27T15:00:00+01:00',
      '--json',
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.milestones[1]).toMatchObject({
      id: 'initial-meeting',
      due: '2027-09-02T15:00:00.000+01:00',
    });
  });

  it('reports a bad argument in one line on stderr with exit code 2, and nothing on stdout', async () => {
    const result = await spawnCommand(npm, [
      'run',
      '--silent',
      'cli',
      '--',
      'timeline',
      '--occurred-at',
      '2027-13-01',
      '--json',
    ]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr).filter((l) => l.startsWith('muster:'))).toEqual([
      'muster: --occurred-at: "2027-13-01" is not an ISO-8601 date-time (such as 2027-08-27T15:00:00+01:00)',
    ]);
  });

  it('runs as the package bin (bin/muster.mjs)', async () => {
    const result = await spawnCommand(process.execPath, ['bin/muster.mjs', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('Usage: muster <command> [options]')).toBe(true);
  });

  it('exits 2 with the usage on stderr for an unknown command', async () => {
    const result = await spawnCommand(process.execPath, ['bin/muster.mjs', 'launch']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('muster: unknown command "launch"');
  });
});
