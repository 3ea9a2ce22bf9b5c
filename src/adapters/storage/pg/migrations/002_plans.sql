-- Strategic plans (Serious Violence Duty, issue 9): one JSONB document per
-- plan, small enough to rewrite whole; updates take a row lock (FOR UPDATE)
-- so replicas answering the same round lose nothing.

CREATE TABLE plans (
  id text PRIMARY KEY,
  title text NOT NULL,
  version integer NOT NULL,
  doc jsonb NOT NULL
);
