/**
 * The part of `db import-lowdb` that is not incidents: the coordinators'
 * chat edits of the directory and the platform adapters' records.
 *
 * Directory changes keep their numbers. Changes the database already holds
 * must be the directory's first ones, exactly (an earlier run); then only
 * the later ones go in. Anything else is a conflict, and like an incident
 * conflict it stops the import before anything is written.
 *
 * A platform record whose key the database already holds is left as it is:
 * the replicas running on the database learned it since, so it is newer.
 */
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DirectoryChange } from '../../../core/directory/directory-change.js';
import { platformRecordsPath, readPlatformRecords } from '../lowdb/platform-records.js';
import { inTransaction } from './pg-connection.js';
import { insertNumberedChanges, selectDirectoryChanges } from './pg-directory.js';
import { insertAbsentPlatformRecords } from './pg-platform-records.js';
import type { PgStore } from './pg-store.js';

export const DIRECTORY_CHANGES_CONFLICT = 'directory changes';

/** `{ conflict }` when the database's changes are not the directory's first ones, else those still to import. */
export function changesToImport(
  source: readonly DirectoryChange[],
  target: readonly DirectoryChange[],
): { conflict: string } | { changes: DirectoryChange[] } {
  // Compared as they read back from JSON, the form both stores keep them in.
  const plain = (change: DirectoryChange | undefined) =>
    JSON.parse(JSON.stringify(change ?? null)) as unknown;
  const differs = target.findIndex((change, i) => !isDeepStrictEqual(plain(change), plain(source[i])));
  if (differs !== -1) {
    return {
      conflict:
        `the database holds ${target.length} change(s) and change ${target[differs]!.seq} differs from ` +
        `the directory's (${source.length} change(s) there)`,
    };
  }
  return { changes: source.slice(target.length) };
}

/** The verdict on the directory changes before anything is written. */
export async function checkDirectoryChanges(
  target: PgStore,
  source: readonly DirectoryChange[],
): Promise<string | undefined> {
  const verdict = changesToImport(source, await selectDirectoryChanges(target.pool));
  return 'conflict' in verdict ? verdict.conflict : undefined;
}

/** Inserts the changes the database does not have yet, in one transaction; returns how many. */
export function importDirectoryChanges(target: PgStore, source: readonly DirectoryChange[]): Promise<number> {
  return inTransaction(target.pool, async (client) => {
    // The same lock an append takes, so no replica numbers a change while these go in.
    await client.query('LOCK TABLE directory_changes IN SHARE ROW EXCLUSIVE MODE');
    const verdict = changesToImport(source, await selectDirectoryChanges(client));
    if ('conflict' in verdict) {
      throw new Error(
        `The directory changes in the database moved while importing (${verdict.conflict}); ` +
          'nothing more was imported. Stop the bot and run the import again.',
      );
    }
    await insertNumberedChanges(client, verdict.changes);
    return verdict.changes.length;
  });
}

/** Copies every namespace's records whose key the database does not hold; returns how many went in and how many were kept. */
export async function importPlatformRecords(
  target: PgStore,
  dir: string,
): Promise<{ imported: number; kept: number }> {
  const records = await readPlatformRecords(platformRecordsPath(resolve(dir)));
  const rows = [...records].flatMap(([namespace, entries]) =>
    [...entries].map(([key, value]) => ({ namespace, key, value })),
  );
  const imported = await insertAbsentPlatformRecords(target.pool, rows);
  return { imported, kept: rows.length - imported };
}
