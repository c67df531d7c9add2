//! The audit trail's table rebuilt so that an insert dirties fewer pages: no AUTOINCREMENT (which rewrites
//! sqlite_sequence on every insert) and an index of the denied events only (in place of one over every decision).

// Without AUTOINCREMENT a new row's seq is max(seq) + 1, as before, unless the newest rows were deleted; the only
// deletion is reset's, of every row, after which seq starts again at 1 (the trail it numbered is gone with it).
// Rows are copied with their seq, so order and LookupEvents' NextTokens (which hold a seq) stay valid.
// `taskrole explain --last-denied` is the only reader by decision: it states the index's WHERE term character for
// character (SQLite uses a partial index only then); 0004-audit-events-fewer-pages.test.ts checks the plans.
export const auditEventsFewerPages = `
CREATE TABLE audit_events_rebuilt (
  seq            INTEGER PRIMARY KEY,
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
INSERT INTO audit_events_rebuilt (seq, event_id, account, event_time, event_name, event_source, username, access_key_id,
    read_only, resource_names, decision, record, explanation)
  SELECT seq, event_id, account, event_time, event_name, event_source, username, access_key_id,
    read_only, resource_names, decision, record, explanation
  FROM audit_events ORDER BY seq;
DROP TABLE audit_events;
ALTER TABLE audit_events_rebuilt RENAME TO audit_events;
CREATE INDEX audit_events_by_account_time ON audit_events (account, event_time DESC, seq DESC);
CREATE INDEX audit_events_denied ON audit_events (seq DESC) WHERE decision IN ('denied', 'audit-denied');
`
