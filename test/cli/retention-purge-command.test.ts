import { describe, expect, it } from 'vitest';
import { exportIncident } from '../app/exports/export-fixture.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { cli, REPO_ROOT } from './cli-harness.js';

const OLD = '2027-06-01T09:00:00.000Z';

async function storeWithOldClosedIncident() {
  const store = new InMemoryStore();
  await store.createIncident(exportIncident({ status: 'closed', updatedAt: OLD }));
  return store;
}

const env = { MUSTER_DATA_DIR: REPO_ROOT, MUSTER_RETENTION_DAYS: '30' };

describe('muster retention purge', () => {
  it('lists what would be purged on --dry-run, opening the store read-only and changing nothing', async () => {
    const store = await storeWithOldClosedIncident();
    let readOnly: boolean | undefined;
    const result = await cli(['retention', 'purge', '--dry-run'], {
      env,
      openStore: async (_dir, access) => {
        readOnly = access.readOnly;
        return store;
      },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readOnly).toBe(true);
    expect(result.stdout).toContain('Would purge 1 closed incident(s) last changed before');
    expect(result.stdout).toContain('SV-2027-');
    expect(await store.listIncidents()).toHaveLength(1);
  });

  it('purges and logs it on a real run', async () => {
    const store = await storeWithOldClosedIncident();
    const result = await cli(['retention', 'purge', '--days', '30'], {
      env: { MUSTER_DATA_DIR: REPO_ROOT },
      openStore: async () => store,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Purged 1 closed incident(s)');
    expect(await store.listIncidents()).toEqual([]);
    expect((await store.listPurges()).map((p) => p.closedAt)).toEqual([OLD]);
  });

  it('refuses a run without a retention period, exit 2', async () => {
    const result = await cli(['retention', 'purge'], { env: { MUSTER_DATA_DIR: REPO_ROOT } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('say how many days to keep closed incidents');
  });
});
