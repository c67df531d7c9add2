//! Every schema change, in order. Append only: a released migration is never edited.
import { initialSchema } from './0001-initial.js'
import { logEventsSchema } from './0002-log-events.js'
import { ecsTasksWantedRunningIndex } from './0003-ecs-tasks-wanted-running.js'
import { auditEventsFewerPages } from './0004-audit-events-fewer-pages.js'
import { documentsRowid } from './0005-documents-rowid.js'

export const MIGRATIONS: readonly string[] = [initialSchema, logEventsSchema, ecsTasksWantedRunningIndex, auditEventsFewerPages, documentsRowid]
