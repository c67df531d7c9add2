//! The documents table as an ordinary (rowid) table with a unique index on its key, in place of WITHOUT ROWID.

// A WITHOUT ROWID table is a B-tree whose cells are whole rows, and SQLite keeps at most ~1,000 bytes of a cell on a
// 4 KiB page: an ECS task (~2.2 KB of JSON) or a role with inline policies spilled onto overflow pages, and every key
// comparison of a lookup or an update against such a cell read its overflow pages back (measured: ~60 preads and
// ~75 WAL frames per RunTask..StopTask; a lookup cost ~20 µs). A rowid table keeps up to ~4,000 bytes on the page,
// and its key index holds only the short keys. The documents' order, keys and data are unchanged.
// ListTasks' partial index (0003) goes with the old table; it comes back without the data column (the rows are
// read by rowid), so that its cells stay small too. INVARIANT: its expressions match what DocumentCollections.list
// writes for ListTasks' conditions, character for character; services/ecs/list-tasks.test.ts checks the plan.
export const documentsRowid = `
CREATE TABLE documents_rowid (
  id         INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  scope      TEXT NOT NULL,
  key        TEXT NOT NULL,
  data       TEXT NOT NULL,
  UNIQUE (collection, scope, key)
);
INSERT INTO documents_rowid (collection, scope, key, data)
  SELECT collection, scope, key, data FROM documents ORDER BY collection, scope, key;
DROP TABLE documents;
ALTER TABLE documents_rowid RENAME TO documents;
CREATE INDEX documents_ecs_tasks_wanted_running
  ON documents (scope, json_extract(data, '$.desiredStatus'), key)
  WHERE collection = 'ecs.task' AND json_extract(data, '$.desiredStatus') = 'RUNNING';
`
