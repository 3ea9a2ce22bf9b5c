import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryFile, loadDirectoryFromPath } from '../../../src/adapters/directory/directory-file.js';
import { exportDirectoryCsv } from '../../../src/core/directory/directory-csv.js';
import type { Directory } from '../../../src/core/directory/directory-schema.js';
import { ErrorCode, isMusterError, type MusterError } from '../../../src/core/errors.js';
import { EXAMPLE_CSV, EXAMPLE_JSON, loadExample, smallDirectory } from '../../core/directory/fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-directory-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<MusterError> {
  try {
    await promise;
  } catch (error) {
    if (isMusterError(error)) return error;
    throw error;
  }
  throw new Error('expected a MusterError');
}

describe('DirectoryFile', () => {
  it('loads the shipped example', async () => {
    const loaded = await new DirectoryFile(EXAMPLE_JSON).load();
    expect(loaded).toEqual(loadExample());
  });

  it('refuses a file that is not JSON, naming the file and the JSON error', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{"version": 1,');
    const error = await rejection(new DirectoryFile(path).load());
    expect(error.code).toBe(ErrorCode.InvalidDirectory);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not valid JSON \(.*JSON.*\)/);
  });

  it('lists every schema problem of the file at once', async () => {
    const path = join(dir, 'bad.json');
    const bad = smallDirectory();
    bad.contacts[0]!.email = 'ann@';
    bad.contacts[1]!.agency = 'fire';
    bad.areas[0]!.coordinators = ['nobody'];
    await writeFile(path, JSON.stringify(bad));
    const error = await rejection(new DirectoryFile(path).load());
    expect(error.code).toBe(ErrorCode.InvalidDirectory);
    expect(error.message).toContain(path);
    expect(error.details.map((d) => d.path).sort()).toEqual([
      'areas.0.coordinators.0',
      'contacts.0.email',
      'contacts.1.agency',
    ]);
  });

  it('says when there is no file', async () => {
    const error = await rejection(new DirectoryFile(join(dir, 'missing.json')).load());
    expect(error.code).toBe(ErrorCode.NotFound);
  });

  it('saves a directory that loads back the same, leaving no temporary file', async () => {
    const path = join(dir, 'directory.json');
    const file = new DirectoryFile(path);
    await file.save(smallDirectory());
    expect(await file.load()).toEqual(smallDirectory());
    expect(await readdir(dir)).toEqual(['directory.json']);
  });

  it('replaces the previous contents on save', async () => {
    const path = join(dir, 'directory.json');
    const file = new DirectoryFile(path);
    await file.save(smallDirectory());
    const renamed: Directory = { ...smallDirectory(), partnership: 'Renamed' };
    await file.save(renamed);
    expect((await file.load()).partnership).toBe('Renamed');
  });

  it('refuses to save an invalid directory and leaves the old file as it was', async () => {
    const path = join(dir, 'directory.json');
    const file = new DirectoryFile(path);
    await file.save(smallDirectory());
    const before = await readFile(path, 'utf8');
    const invalid = smallDirectory();
    invalid.contacts[0]!.agency = 'fire';
    invalid.contacts[1]!.email = 'bob@';
    const error = await rejection(file.save(invalid));
    expect(error.code).toBe(ErrorCode.InvalidDirectory);
    expect(error.details).toHaveLength(2);
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['directory.json']);
  });

  it('removes its temporary file when the final rename fails', async () => {
    // A directory where the file should be makes the rename fail after the write.
    const path = join(dir, 'directory.json');
    await mkdir(path);
    await expect(new DirectoryFile(path).save(smallDirectory())).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['directory.json']);
  });

  it('leaves one whole directory when two saves race', async () => {
    const path = join(dir, 'directory.json');
    const file = new DirectoryFile(path);
    const a: Directory = { ...smallDirectory(), partnership: 'A' };
    const b: Directory = { ...smallDirectory(), partnership: 'B' };
    await Promise.all([file.save(a), file.save(b), new DirectoryFile(path).save(a)]);
    expect(['A', 'B']).toContain((await file.load()).partnership);
    expect(await readdir(dir)).toEqual(['directory.json']);
  });
});

describe('loadDirectoryFromPath', () => {
  it('loads JSON and CSV alike', async () => {
    const example = loadExample();
    expect(await loadDirectoryFromPath(EXAMPLE_JSON)).toEqual(example);
    expect(await loadDirectoryFromPath(EXAMPLE_CSV, { partnership: example.partnership })).toEqual(example);
  });

  it('names a CSV directory after its file unless told otherwise', async () => {
    const path = join(dir, 'east-northants_csp.CSV');
    await writeFile(path, exportDirectoryCsv(smallDirectory()));
    expect((await loadDirectoryFromPath(path)).partnership).toBe('East Northants Csp');
    expect((await loadDirectoryFromPath(path, { partnership: 'Testshire' })).partnership).toBe('Testshire');
  });

  it('refuses a CSV with bad rows, naming the file and the rows', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, 'area,agency,lists,name,email,role\nNorth,Police,7,Ann Able,ann@,Inspector\n');
    const error = await rejection(loadDirectoryFromPath(path));
    expect(error.code).toBe(ErrorCode.InvalidDirectory);
    expect(error.message).toContain(path);
    expect(error.details.map((d) => d.path)).toEqual(['row 2', 'row 2']);
  });

  it('refuses other kinds of file', async () => {
    const error = await rejection(loadDirectoryFromPath(join(dir, 'directory.xlsx')));
    expect(error.code).toBe(ErrorCode.InvalidDirectory);
    expect(error.message).toContain('.json or .csv');
  });
});
