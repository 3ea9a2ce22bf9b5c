/**
 * The coordinators' chat edits of the directory in PostgreSQL (table
 * `directory_changes`, migration 004). Numbers must be 1, 2, 3… with no gap
 * even when two replicas append at once, so an append locks the table
 * against other appends (SHARE ROW EXCLUSIVE conflicts with itself, not
 * with readers) and takes max(seq) + 1 in the same transaction. A rolled
 * back append uses up no number. Edits are a few a week; the queue is short.
 */
import type pg from 'pg';
import type { DirectoryChange, NewDirectoryChange } from '../../../core/directory/directory-change.js';
import { inTransaction } from './pg-connection.js';

interface ChangeRow {
  seq: number;
  at: string;
  actor: DirectoryChange['by'];
  edit: DirectoryChange['edit'];
  summary: string;
}

const COLUMNS = 'seq, at, actor, edit, summary';

function toChange(row: ChangeRow): DirectoryChange {
  return { seq: row.seq, at: row.at, by: row.actor, edit: row.edit, summary: row.summary };
}

export function insertDirectoryChange(pool: pg.Pool, change: NewDirectoryChange): Promise<DirectoryChange> {
  return inTransaction(pool, async (client) => {
    await client.query('LOCK TABLE directory_changes IN SHARE ROW EXCLUSIVE MODE');
    const inserted = await client.query<ChangeRow>(
      `INSERT INTO directory_changes (${COLUMNS})
       SELECT coalesce(max(seq), 0) + 1, $1, $2, $3, $4 FROM directory_changes
       RETURNING ${COLUMNS}`,
      [change.at, JSON.stringify(change.by), JSON.stringify(change.edit), change.summary],
    );
    return toChange(inserted.rows[0]!);
  });
}

export async function selectDirectoryChanges(
  db: pg.Pool | pg.PoolClient,
  afterSeq = 0,
): Promise<DirectoryChange[]> {
  const found = await db.query<ChangeRow>(
    `SELECT ${COLUMNS} FROM directory_changes WHERE seq > $1 ORDER BY seq`,
    [afterSeq],
  );
  return found.rows.map(toChange);
}

/** Inserts changes with the numbers they already have (an import); the caller checked they are free. */
export async function insertNumberedChanges(
  db: pg.Pool | pg.PoolClient,
  changes: readonly DirectoryChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    `INSERT INTO directory_changes (${COLUMNS})
     SELECT x.seq, x.at, x.actor, x.edit, x.summary
     FROM jsonb_to_recordset($1::jsonb) AS x(seq integer, at text, actor jsonb, edit jsonb, summary text)`,
    [
      JSON.stringify(
        changes.map((c) => ({ seq: c.seq, at: c.at, actor: c.by, edit: c.edit, summary: c.summary })),
      ),
    ],
  );
}
