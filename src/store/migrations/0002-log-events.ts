//! CloudWatch Logs events: one row per event, ordered by timestamp within a stream.

export const logEventsSchema = `
CREATE TABLE log_events (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  scope          TEXT NOT NULL,
  log_group      TEXT NOT NULL,
  log_stream     TEXT NOT NULL,
  timestamp      INTEGER NOT NULL,
  ingestion_time INTEGER NOT NULL,
  message        TEXT NOT NULL
);
CREATE INDEX log_events_by_stream ON log_events (scope, log_group, log_stream, timestamp, seq);
CREATE INDEX log_events_by_group ON log_events (scope, log_group, timestamp, seq);
`
