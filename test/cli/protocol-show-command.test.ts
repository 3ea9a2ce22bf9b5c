import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import { parseProtocol } from '../../src/core/protocol/protocol-schema.js';
import { cli } from './cli-harness.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-protocol-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('muster protocol show', () => {
  it('prints the default protocol as JSON that loads back as the same protocol', async () => {
    const result = await cli(['protocol', 'show']);
    expect(result.code).toBe(0);
    expect(parseProtocol(JSON.parse(result.stdout))).toEqual(defaultProtocol);
  });

  it('prints the protocol named by MUSTER_PROTOCOL, defaults filled in', async () => {
    const file = join(dir, 'mine.json');
    const { calendar: _calendar, ...mine } = { ...defaultProtocol, id: 'mine', name: 'Mine' };
    await writeFile(file, JSON.stringify(mine));
    const result = await cli(['protocol', 'show'], { env: { MUSTER_PROTOCOL: file } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 'mine',
      calendar: { zone: 'Europe/London', workingDayEnd: '17:00' },
    });
  });

  it('refuses an invalid protocol file with every problem listed, exit 2', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify({ ...defaultProtocol, id: 'Not Kebab', milestones: [] }));
    const result = await cli(['protocol', 'show', '--protocol', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/- id: /);
    expect(result.stderr).toMatch(/- milestones: a protocol needs at least one milestone/);
  });
});
