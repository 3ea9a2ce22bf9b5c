import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDirectory } from '../../src/core/directory/directory.js';
import { exportDirectoryCsv } from '../../src/core/directory/directory-csv.js';
import { testDirectory } from '../fakes/test-directory.js';
import { cli, lines, REPO_ROOT } from './cli-harness.js';

const EXAMPLE = join(REPO_ROOT, 'directory/northamptonshire.json');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-directory-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('muster directory validate', () => {
  it('summarises a valid JSON directory, exit 0', async () => {
    const file = join(dir, 'test.json');
    await writeFile(file, JSON.stringify(testDirectory()));

    const result = await cli(['directory', 'validate', file]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`OK: ${file}: Test Partnership: 3 areas, 4 agencies, 4 contacts\n`);
  });

  it('accepts the shipped example directory', async () => {
    const result = await cli(['directory', 'validate', EXAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK: .*: \d+ areas, \d+ agencies, \d+ contacts\n$/);
  });

  it('reads a CSV directory too', async () => {
    const file = join(dir, 'test-partnership.csv');
    await writeFile(file, exportDirectoryCsv(testDirectory()));

    const result = await cli(['directory', 'validate', file, '--partnership', 'Testshire']);

    expect(result.code).toBe(0);
    // The CSV has one row per contact per area, so Wellingborough (no one in it) does not survive the trip.
    expect(result.stdout).toContain('Testshire: 2 areas, 4 agencies, 4 contacts');
  });

  it('lists every problem of an invalid directory, exit 2', async () => {
    const broken = testDirectory();
    broken.contacts[0]!.agency = 'fire-service';
    broken.memberships[0]!.area = 'atlantis';
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(broken));

    const result = await cli(['directory', 'validate', file]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const problems = lines(result.stderr).slice(1);
    expect(problems).toEqual([
      '  - contacts.0.agency: unknown agency "fire-service"',
      '  - memberships.0.area: unknown area "atlantis"',
    ]);
  });

  it('says in one line that a file is missing, exit 2', async () => {
    const result = await cli(['directory', 'validate', join(dir, 'nope.json')]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
  });

  it('asks for the file when none is given', async () => {
    const result = await cli(['directory', 'validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('muster: directory validate: give the directory FILE to check\n');
  });
});

describe('muster directory import', () => {
  const csvFile = () => join(dir, 'testshire.csv');
  beforeEach(async () => {
    await writeFile(csvFile(), exportDirectoryCsv(testDirectory()));
  });

  it('writes the CSV as a valid JSON directory', async () => {
    const out = join(dir, 'out.json');

    const result = await cli([
      'directory',
      'import',
      csvFile(),
      '--out',
      out,
      '--partnership',
      'Test Partnership',
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Wrote ${out}: Test Partnership: 2 areas, 4 agencies, 4 contacts\n`);
    const written = parseDirectory(JSON.parse(await readFile(out, 'utf8')));
    expect(written.contacts.map((c) => c.id).sort()).toEqual(
      testDirectory()
        .contacts.map((c) => c.id)
        .sort(),
    );
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const out = join(dir, 'existing.json');
    await writeFile(out, 'keep me');

    const refused = await cli(['directory', 'import', csvFile(), '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`muster: --out: ${out} already exists; add --force to replace it\n`);
    expect(await readFile(out, 'utf8')).toBe('keep me');

    const forced = await cli(['directory', 'import', csvFile(), '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).partnership).toBe('Testshire');
  });

  it('writes nothing when a row is bad, and lists the problems', async () => {
    await writeFile(
      csvFile(),
      `${exportDirectoryCsv(testDirectory())}corby,police,3,Al,not-an-email,PC,,,\n`,
    );
    const out = join(dir, 'out.json');

    const result = await cli(['directory', 'import', csvFile(), '--out', out]);

    expect(result.code).toBe(2);
    expect(lines(result.stderr).length).toBeGreaterThan(1);
    await expect(stat(out)).rejects.toThrow();
  });

  it('requires --out', async () => {
    const result = await cli(['directory', 'import', csvFile()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('muster: directory import: --out is required (the JSON file to write)\n');
  });
});
