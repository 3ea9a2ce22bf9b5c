/**
 * Where a purged incident's final report is kept (MUSTER_RETENTION_KEEP_EXPORT_DIR):
 * a plain folder, created when first needed, each file written whole under a
 * temporary name and then renamed, so a crash never leaves half a report.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeepExport } from './purge-closed-incidents.js';

export function keepExportIn(dir: string): KeepExport {
  return async (filename, content) => {
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${filename}.tmp`);
    await writeFile(temp, content);
    await rename(temp, join(dir, filename));
  };
}
