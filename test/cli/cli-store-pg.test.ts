/**
 * The CLI on PostgreSQL: with DATABASE_URL (and MUSTER_PG_SCHEMA) set, the
 * commands that read or change incidents and plans use the database the bot
 * uses, chosen as the bot chooses it (open-store.ts), and need no data
 * directory. Runs against the real server, in a throwaway schema.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfiguredStore } from '../../src/adapters/storage/open-store.js';
import type { PgStore } from '../../src/adapters/storage/pg/pg-store.js';
import { exportIncident } from '../app/exports/export-fixture.js';
import { testDirectory } from '../fakes/test-directory.js';
import { TEST_DATABASE_URL, type TestSchema, testSchema } from '../storage/pg-test-database.js';
import { cli, REPO_ROOT } from './cli-harness.js';

const OLD = '2027-06-01T09:00:00.000Z';
let schema: TestSchema;
let seed: PgStore;
let dir: string;
let env: Record<string, string>;

beforeEach(async () => {
  schema = testSchema();
  seed = await schema.open();
  dir = await mkdtemp(join(tmpdir(), 'muster-cli-pg-'));
  await writeFile(join(dir, 'directory.json'), JSON.stringify(testDirectory()));
  env = {
    DATABASE_URL: TEST_DATABASE_URL,
    MUSTER_PG_SCHEMA: schema.schema,
    // Nothing is there: PostgreSQL is used, not the data directory.
    MUSTER_DATA_DIR: join(dir, 'no-such-data-dir'),
    MUSTER_DIRECTORY: join(dir, 'directory.json'),
  };
});
afterEach(async () => {
  await schema.drop();
  await rm(dir, { recursive: true, force: true });
});

/** The CLI as `muster` runs it: the real store selection. */
const run = (argv: string[]) => cli(argv, { env, openStore: openConfiguredStore });

describe('the CLI with DATABASE_URL', () => {
  it('lists and shows the incidents in the database', async () => {
    const incident = await seed.createIncident(exportIncident());

    const list = await run(['incidents', 'list']);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(incident.reference);

    const show = await run(['incident', 'show', incident.reference]);
    expect(show.stderr).toBe('');
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(incident.reference);
  });

  it('purges closed incidents from the database and logs the purge there', async () => {
    const incident = await seed.createIncident(exportIncident({ status: 'closed', updatedAt: OLD }));

    const dry = await run(['retention', 'purge', '--dry-run', '--days', '30']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Would purge 1`);
    expect(await seed.getIncident(incident.id)).toBeDefined();

    const real = await run(['retention', 'purge', '--days', '30']);
    expect(real.stderr).toBe('');
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('Purged 1 closed incident(s)');
    expect(await seed.getIncident(incident.id)).toBeUndefined();
    expect((await seed.listPurges()).map((p) => p.reference)).toEqual([incident.reference]);
  });

  it('imports a plan into the database', async () => {
    const file = join(REPO_ROOT, 'test/fixtures/plans/ashfield-actions.csv');
    const result = await run(['plan', 'import', file, '--id', 'ashfield-2024', '--as', 'cara-csp']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await seed.getPlan('ashfield-2024'))?.actions.length).toBeGreaterThan(0);
  });

  it('still reads the data directory when DATABASE_URL is not set', async () => {
    const result = await cli(['incidents', 'list'], {
      env: { MUSTER_DATA_DIR: env.MUSTER_DATA_DIR! },
      openStore: openConfiguredStore,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no data directory at');
  });
});
