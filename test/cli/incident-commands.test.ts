import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/adapters/storage/lowdb/lowdb-store.js';
import type { StoreLocation } from '../../src/adapters/storage/open-store.js';
import { acknowledgeNotification } from '../../src/app/acknowledge-notification.js';
import { closeIncident } from '../../src/app/close-incident.js';
import { openIncident } from '../../src/app/open-incident.js';
import { recordMeeting } from '../../src/app/record-meeting.js';
import type { StoreAccess } from '../../src/cli/cli-io.js';
import { COORDINATOR, SIO, testDeps, validForm } from '../app/harness.js';
import { cli, lines, spawnCommand } from './cli-harness.js';

let dataDir: string;
/** What the bot does: takes the data directory for writing, holding its lock until closed. */
const openWriter = (dir: string) => openLowdbStore(dir, { durable: false, onWarning: () => {} });
/** What `processIo` does, so these commands run against the real store the way `muster` opens it. */
const openStore = (where: StoreLocation, access: StoreAccess) =>
  openLowdbStore(where.dataDir, { durable: false, onWarning: () => {}, readOnly: access.readOnly });
const run = (argv: string[], now = '2027-09-01T12:00:00+01:00') =>
  cli(argv, { env: { MUSTER_DATA_DIR: dataDir }, now, openStore });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'muster-cli-data-'));
  const store = await openWriter(dataDir);
  const deps = testDeps(store);
  await openIncident(deps, validForm());
  await openIncident(deps, validForm({ area: 'kettering', knockOnAreas: [], category: 'incident-of-note' }));
  await openIncident(deps, validForm({ area: 'wellingborough', knockOnAreas: [] }));
  const later = testDeps(store, '2027-09-01T12:00:00+01:00');
  await recordMeeting(later, {
    reference: 'SV-2027-0001',
    kind: 'initial',
    at: '2027-09-01T10:00:00+01:00',
    held: true,
    chair: SIO,
    by: COORDINATOR,
  });
  await acknowledgeNotification(deps, {
    reference: 'SV-2027-0001',
    agencyId: 'nhft',
    by: { id: 'console:nia', name: 'Nia NHFT' },
  });
  await closeIncident(deps, {
    reference: 'SV-2027-0003',
    reason: 'Not serious violence after all',
    by: COORDINATOR,
  });
  await store.close();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('muster incidents list', () => {
  it('shows every incident with its status and next deadline', async () => {
    const result = await run(['incidents', 'list']);

    expect(result.code).toBe(0);
    const [header, ...rows] = lines(result.stdout);
    expect(header).toMatch(/^REFERENCE\s+AREA\s+STATUS\s+OCCURRED\s+NEXT DEADLINE$/);
    expect(rows).toHaveLength(3);
    const row = (ref: string) => rows.find((r) => r.startsWith(ref)) ?? '';
    expect(row('SV-2027-0001')).toMatch(
      /corby\s+initial-held\s+Fri 27 Aug 2027 15:00 BST\s+minutes-initial Wed 8 Sep 2027 17:00 BST$/,
    );
    expect(row('SV-2027-0002')).toMatch(/kettering\s+open\s+.*initial-meeting Thu 2 Sep 2027 15:00 BST$/);
    expect(row('SV-2027-0003')).toMatch(/wellingborough\s+closed\s+.*—$/);
  });

  it('flags an overdue deadline', async () => {
    const result = await run(['incidents', 'list', '--status', 'open'], '2027-09-03T09:00:00+01:00');
    expect(lines(result.stdout)[1]).toContain('initial-meeting Thu 2 Sep 2027 15:00 BST (overdue)');
  });

  it('filters by status, several at once', async () => {
    const open = await run(['incidents', 'list', '--status', 'open']);
    expect(
      lines(open.stdout)
        .slice(1)
        .map((r) => r.slice(0, 12)),
    ).toEqual(['SV-2027-0002']);

    const both = await run(['incidents', 'list', '--status', 'open,closed']);
    expect(
      lines(both.stdout)
        .slice(1)
        .map((r) => r.slice(0, 12))
        .sort(),
    ).toEqual(['SV-2027-0002', 'SV-2027-0003']);
  });

  it('says so when nothing matches', async () => {
    const result = await run(['incidents', 'list', '--status', 'final-held']);
    expect(result.stdout).toBe('No incidents with status final-held.\n');
  });

  it('refuses an unknown status in one line, exit 2', async () => {
    const result = await run(['incidents', 'list', '--status', 'pending']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `muster: --status: "pending" is not a status (open, initial-held, review-held, final-held, closed)`,
    ]);
  });

  it('refuses a data directory that does not exist rather than create it', async () => {
    const result = await cli(['incidents', 'list'], {
      env: { MUSTER_DATA_DIR: join(dataDir, 'missing') },
      openStore,
    });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('There is no data directory at');
  });

  it('refuses a directory that holds no Muster data and creates nothing in it', async () => {
    const elsewhere = join(dataDir, 'not-a-data-dir');
    await mkdir(elsewhere);
    const result = await cli(['incidents', 'list'], { env: { MUSTER_DATA_DIR: elsewhere }, openStore });

    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('There is no Muster data in');
    expect(result.stderr).toContain('MUSTER_DATA_DIR');
    expect(await readdir(elsewhere)).toEqual([]);
    await rm(elsewhere, { recursive: true });
  });

  it('lists the incidents while the bot holds the data directory', async () => {
    const bot = await openWriter(dataDir);
    try {
      const result = await run(['incidents', 'list']);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(lines(result.stdout).slice(1)).toHaveLength(3);
      expect((await bot.listIncidents()).map((s) => s.id).sort()).toEqual([
        'SV-2027-0001',
        'SV-2027-0002',
        'SV-2027-0003',
      ]);
    } finally {
      await bot.close();
    }
  });

  it('lists the incidents as a separate process while this one holds the data directory', async () => {
    const bot = await openWriter(dataDir);
    try {
      const result = await spawnCommand(process.execPath, ['bin/muster.mjs', 'incidents', 'list'], {
        MUSTER_DATA_DIR: dataDir,
      });

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const [header, ...rows] = lines(result.stdout);
      expect(header).toMatch(/^REFERENCE\s+AREA/);
      expect(rows.map((row) => row.slice(0, 12)).sort()).toEqual([
        'SV-2027-0001',
        'SV-2027-0002',
        'SV-2027-0003',
      ]);
    } finally {
      await bot.close();
    }
  });
});

describe('muster incident show', () => {
  it('shows the facts, the timeline, the acknowledgements and the latest events', async () => {
    const result = await run(['incident', 'show', 'sv-2027-0001']);

    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(lines(out)[0]).toBe('SV-2027-0001: Gold group, Corby');
    expect(out).toMatch(/Status\s+initial-held/);
    expect(out).toMatch(/Area\s+corby \(knock-on: kettering\)/);
    expect(out).toMatch(/Meetings\s+initial held Wed 1 Sep 2027 10:00 BST \(chair DCI Priya Patel\)/);
    expect(out).toMatch(/minutes-initial\s+Wed 8 Sep 2027 17:00 BST\s+pending/);
    expect(out).toContain('Acknowledgements (1 of 4 agencies)');
    expect(out).toMatch(/nhft\s+1\s+Sat 28 Aug 2027 09:00 BST by Nia NHFT/);
    expect(out).toMatch(/police\s+1\+2\s+not yet/);
    expect(out).toMatch(/meeting\.held\s+Initial meeting held/);
  });

  it('shows an incident while the bot holds the data directory', async () => {
    const bot = await openWriter(dataDir);
    try {
      const result = await run(['incident', 'show', 'SV-2027-0002']);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Area\s+kettering/);
    } finally {
      await bot.close();
    }
  });

  it('refuses an unknown reference in one line, exit 2', async () => {
    const result = await run(['incident', 'show', 'SV-2027-0999']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('There is no incident SV-2027-0999.');
  });

  it('refuses something that is not a reference', async () => {
    const result = await run(['incident', 'show', 'stabbing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"stabbing" is not an incident reference');
  });
});
