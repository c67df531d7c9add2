//! Documents (every service's records as JSON, keyed by collection/scope/key) and the audit trail.

export const initialSchema = `
CREATE TABLE documents (
  collection TEXT NOT NULL,
  scope      TEXT NOT NULL,
  key        TEXT NOT NULL,
  data       TEXT NOT NULL,
  PRIMARY KEY (collection, scope, key)
) WITHOUT ROWID;

CREATE TABLE audit_events (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id       TEXT NOT NULL UNIQUE,
  account        TEXT NOT NULL,
  event_time     INTEGER NOT NULL,
  event_name     TEXT NOT NULL,
  event_source   TEXT NOT NULL,
  username       TEXT,
  access_key_id  TEXT,
  read_only      INTEGER NOT NULL,
  resource_names TEXT NOT NULL,
  decision       TEXT NOT NULL,
  record         TEXT NOT NULL,
  explanation    TEXT
);
CREATE INDEX audit_events_by_account_time ON audit_events (account, event_time DESC, seq DESC);
CREATE INDEX audit_events_by_decision ON audit_events (decision, seq DESC);
`
