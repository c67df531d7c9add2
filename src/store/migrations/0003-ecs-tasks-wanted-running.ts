//! ListTasks' index: a cluster's tasks still wanted RUNNING, so listing them never reads the stopped ones (clusters
//! keep those, and they outnumber the others in any long-used cluster).

// SQLite uses a partial index only when the query states its WHERE terms with the same literals (never bound
// parameters), and prefers the primary key unless the index also answers an equality on a column of its own and
// holds the data it returns: hence the desiredStatus column (always 'RUNNING' here) and the data column.
// INVARIANT: the expressions match what DocumentCollections.list writes for ListTasks' conditions, character for
// character (json_extract(data, '$.desiredStatus') = 'RUNNING'); services/ecs/list-tasks.test.ts checks the plan.
export const ecsTasksWantedRunningIndex = `
CREATE INDEX documents_ecs_tasks_wanted_running
  ON documents (scope, json_extract(data, '$.desiredStatus'), key, data)
  WHERE collection = 'ecs.task' AND json_extract(data, '$.desiredStatus') = 'RUNNING';
`
