import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProtocolFile, resolveProtocol } from '../../../src/adapters/protocol/protocol-file.js';
import { isMusterError } from '../../../src/core/errors.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-protocol-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('protocol files', () => {
  it('uses the default protocol when no file is configured', async () => {
    expect(await resolveProtocol(undefined)).toBe(defaultProtocol);
  });

  it('loads a valid protocol file', async () => {
    const file = join(dir, 'ours.json');
    await writeFile(file, JSON.stringify({ ...defaultProtocol, id: 'ours', name: 'Our protocol' }));
    expect((await resolveProtocol(file)).name).toBe('Our protocol');
  });

  it('refuses a missing file, saying which', async () => {
    const error = await refusal(loadProtocolFile(join(dir, 'missing.json')));
    expect(isMusterError(error, 'invalid_protocol')).toBe(true);
    expect((error as Error).message).toContain('missing.json (ENOENT)');
  });

  it('refuses a file that is not JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{"id":');
    const error = await refusal(loadProtocolFile(file));
    expect(isMusterError(error, 'invalid_protocol')).toBe(true);
    expect((error as Error).message).toContain('is not valid JSON');
  });
});
