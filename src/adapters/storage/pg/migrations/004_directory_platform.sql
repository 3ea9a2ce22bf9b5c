-- Issue 8, several replicas on one database: what used to live only in one
-- process's files. The coordinators' chat edits of the agency directory,
-- numbered 1, 2, 3… with no gaps (appends take turns on a table lock, see
-- pg-directory.ts), and the small records a chat platform adapter shares
-- between replicas (the Teams conversation references for proactive
-- messages), one JSON value per namespace and key.
CREATE TABLE directory_changes (
  seq integer PRIMARY KEY,
  -- Kept as the ISO string the core wrote, like the incident times.
  at text NOT NULL,
  actor jsonb NOT NULL,
  edit jsonb NOT NULL,
  summary text NOT NULL
);

CREATE TABLE platform_records (
  namespace text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  PRIMARY KEY (namespace, key)
);
