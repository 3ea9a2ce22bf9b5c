/**
 * The agency directory on disk: a JSON file read and validated on load, and
 * replaced atomically on save (a reader sees the old file or the new one, never
 * half of one). `loadDirectoryFromPath` also reads the coordinator's CSV.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseDirectory } from '../../core/directory/directory.js';
import { importDirectoryCsv } from '../../core/directory/directory-csv.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';
import type { DirectorySource } from '../../ports.js';

const JSON_EXTENSION = '.json';
const CSV_EXTENSION = '.csv';

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MusterError(ErrorCode.NotFound, `There is no directory file at ${path}. Check the path.`);
    }
    throw error;
  }
}

export class DirectoryFile implements DirectorySource {
  constructor(readonly path: string) {}

  async load(): Promise<Directory> {
    const text = await readText(this.path);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const reason = (error as Error).message;
      throw new MusterError(
        ErrorCode.InvalidDirectory,
        `The directory file ${this.path} is not valid JSON (${reason}). Fix it and try again.`,
        [{ path: this.path, message: reason }],
      );
    }
    return parseDirectory(raw, `directory file ${this.path}`);
  }

  /** Validates first: an invalid directory is refused and the file on disk is left as it was. */
  async save(directory: Directory): Promise<void> {
    const valid = parseDirectory(directory, 'directory to save');
    // The temporary file sits beside the target so that the rename stays on one file system.
    const temp = join(dirname(this.path), `.${basename(this.path)}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(valid, null, 2)}\n`, 'utf8');
      await handle.sync();
      await handle.close();
      await rename(temp, this.path);
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(temp, { force: true });
      throw error;
    }
  }
}

/** "east-northants_csp.csv" → "East Northants Csp". */
function partnershipFromFileName(path: string): string {
  return basename(path, extname(path))
    .split(/[-_\s]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * Reads a directory from a `.json` file or a coordinator's `.csv` export. The
 * CSV does not name its partnership: `options.partnership` does, or the file name.
 */
export async function loadDirectoryFromPath(
  path: string,
  options: { partnership?: string } = {},
): Promise<Directory> {
  const extension = extname(path).toLowerCase();
  if (extension === JSON_EXTENSION) return new DirectoryFile(path).load();
  if (extension === CSV_EXTENSION) {
    const csv = await readText(path);
    return importDirectoryCsv(csv, {
      partnership: options.partnership ?? partnershipFromFileName(path),
      origin: `directory file ${path}`,
    });
  }
  throw new MusterError(
    ErrorCode.InvalidDirectory,
    `Muster reads a directory from a ${JSON_EXTENSION} or ${CSV_EXTENSION} file, not ${path}. Rename or convert it.`,
  );
}
