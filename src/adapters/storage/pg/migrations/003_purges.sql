-- The retention purge log (issue 8): one row per purged incident. The
-- incident's own audit is deleted with it, so the fact of the purge lives
-- here. No personal data: the reference, when it closed, when it went.
CREATE TABLE incident_purges (
  seq bigserial PRIMARY KEY,
  reference text NOT NULL,
  closed_at text NOT NULL,
  purged_at text NOT NULL,
  export_kept boolean NOT NULL
);
