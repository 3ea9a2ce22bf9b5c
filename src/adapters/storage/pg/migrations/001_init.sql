-- Muster's first schema: incidents (a JSONB document plus the columns the
-- listing reads), their append-only events, their reminders, the reference
-- counter per year and the idempotency keys. Applied by pg-migrate.ts inside
-- one transaction and recorded in schema_migrations.

CREATE TABLE incidents (
  id text PRIMARY KEY,
  reference text NOT NULL,
  -- From the reference (SV-2027-0042 → 2027, 42); NULL for a reference in another form.
  ref_year integer,
  ref_seq integer,
  title text NOT NULL,
  status text NOT NULL,
  area text NOT NULL,
  category text NOT NULL,
  -- Kept as the ISO strings the core wrote (offsets included), so a summary comes back unchanged.
  occurred_at text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  version integer NOT NULL,
  -- The seq of the incident's last event; bumped in the statement that appends events, so seq has no gaps.
  last_seq integer NOT NULL DEFAULT 0,
  doc jsonb NOT NULL
);

CREATE INDEX incidents_listing_idx ON incidents (created_at DESC, id);
CREATE INDEX incidents_status_idx ON incidents (status);
CREATE INDEX incidents_area_idx ON incidents (area);
CREATE INDEX incidents_reference_idx ON incidents (ref_year, ref_seq);

CREATE TABLE incident_events (
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  at text NOT NULL,
  type text NOT NULL,
  actor jsonb NOT NULL,
  summary text NOT NULL,
  data jsonb,
  PRIMARY KEY (incident_id, seq)
);

CREATE INDEX incident_events_type_idx ON incident_events (type);

CREATE TABLE reminders (
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  key text NOT NULL,
  milestone_id text NOT NULL,
  kind text NOT NULL,
  fire_at timestamptz NOT NULL,
  notify jsonb NOT NULL,
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  claimed_by text,
  lease_until timestamptz,
  PRIMARY KEY (incident_id, key)
);

-- What a scheduler tick reads: unsent reminders by fire time. Partial, so sent history never slows a tick.
CREATE INDEX reminders_due_idx ON reminders (fire_at) WHERE sent_at IS NULL;

CREATE TABLE reference_counters (
  year integer PRIMARY KEY,
  last integer NOT NULL
);

CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  at timestamptz NOT NULL
);
