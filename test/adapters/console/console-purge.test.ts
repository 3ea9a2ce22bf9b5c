/**
 * Retention leaves nothing of a purged incident in the data directory: after
 * the purge (with the console forgetting what it kept, as the runtime wires
 * it) no file names or contains the reference, not the incident channel's
 * history, not the notice in the coordination channel, not an exported
 * document. The purge log alone keeps the reference, by design (README
 * "Retention"). Another incident's history is untouched.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { referencePattern } from '../../../src/adapters/shared/reference-pattern.js';
import { purgeClosedIncidents } from '../../../src/app/retention/purge-closed-incidents.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { type ConsoleHarness, reportIncident, startConsole, submitData } from './console-harness.js';

const COMMAND = '/console/api/command';
const PURGED = 'SV-2027-0001';
const KEPT = 'SV-2027-0002';
let h: ConsoleHarness;

beforeEach(async () => {
  h = await startConsole();
  await reportIncident(h);
  await reportIncident(h);
});
afterEach(() => h.close());

/** Every file under `dir` (the console's test page aside) whose name or bytes mention `reference`. */
async function mentioning(dir: string, reference: string): Promise<string[]> {
  const names = referencePattern(reference);
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const where = relative(dir, path);
    if (where.startsWith('web/')) continue;
    if (names.test(where) || names.test((await readFile(path)).toString('latin1'))) found.push(where);
  }
  return found.sort();
}

it('leaves no file naming or holding a purged incident’s reference, and keeps the others', async () => {
  const channel = 'sv-2027-0001-corby';
  const exported = await h.post(COMMAND, { channelId: channel, text: '/incident export plan' }, 'cara-csp');
  expect(exported.status).toBe(200);
  const form = await h.post(COMMAND, { channelId: channel, text: '/incident close' }, 'pat-police');
  const data = { ...submitData(form.body.form.card), reason: 'Merged with another incident.' };
  expect((await h.post('/console/api/submit', { channelId: channel, data }, 'pat-police')).body.ok).toBe(
    true,
  );
  // Before the purge, the reference is all over the data directory.
  expect((await mentioning(h.dataDir, PURGED)).length).toBeGreaterThan(2);

  const later = { ...h.deps, clock: new FixedClock('2028-06-01T03:00:00+01:00') };
  const result = await purgeClosedIncidents(later, {
    retentionDays: 30,
    forgetIncident: (reference) => h.console.platform.forgetIncident(reference),
  });

  expect(result.purged.map((p) => p.reference)).toEqual([PURGED]);
  expect(result.failed).toEqual([]);
  expect(await mentioning(h.dataDir, PURGED)).toEqual(['data/purges.jsonl']);
  expect(await mentioning(h.dataDir, KEPT)).not.toEqual([]);
  const channels = await h.get('/console/api/channels', 'cara-csp');
  expect(channels.body.channels.map((c: { id: string }) => c.id)).not.toContain(channel);
  expect(channels.body.channels.map((c: { id: string }) => c.id)).toContain('sv-2027-0002-corby');

  // What is left still opens after a restart.
  await h.restart();
  expect(await mentioning(h.dataDir, PURGED)).toEqual(['data/purges.jsonl']);
});
