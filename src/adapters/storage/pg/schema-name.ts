/**
 * What a PostgreSQL schema name for Muster may be: a plain lower-case
 * identifier, so it needs no quoting where it is spliced into SQL or the
 * connection's search_path. Kept apart from the driver so config.ts can check
 * MUSTER_PG_SCHEMA without loading it.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export const DEFAULT_PG_SCHEMA = 'public';

export function isSchemaName(name: string): boolean {
  return SCHEMA_NAME.test(name);
}
