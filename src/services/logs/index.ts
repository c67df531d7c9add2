//! CloudWatch Logs: log groups and streams, PutLogEvents / GetLogEvents / FilterLogEvents, retention and tags.
import type { OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { LOGS_AUTHORIZATION } from './authorization.js'
import { filterLogEventsHandlers } from './filter-log-events.js'
import { getLogEventsHandlers } from './get-log-events.js'
import { logGroupHandlers } from './log-groups.js'
import { logStreamHandlers } from './log-streams.js'
import { putLogEventsHandlers } from './put-log-events.js'
import { tagHandlers } from './tags.js'

export const LOGS_HANDLERS: Record<string, OperationDefinition['handler']> = {
  ...logGroupHandlers,
  ...logStreamHandlers,
  ...putLogEventsHandlers,
  ...getLogEventsHandlers,
  ...filterLogEventsHandlers,
  ...tagHandlers,
}

function operations(): Record<string, OperationDefinition> {
  const table: Record<string, OperationDefinition> = {}
  for (const [name, handler] of Object.entries(LOGS_HANDLERS)) {
    const authorization = LOGS_AUTHORIZATION[name]
    // INVARIANT: every operation declares its authorization (STYLE.md rule 6); authorization.test.ts pins it too.
    if (!authorization) throw new Error(`logs:${name} has no authorization entry`)
    table[name] = { authorization, handler }
  }
  return table
}

export const logsService: ServiceDefinition = {
  service: 'logs',
  eventSource: 'logs.amazonaws.com',
  accessDenied: { code: 'AccessDeniedException', status: 400 },
  operations: operations(),
  // Log messages can carry secrets and reach 1 MB per call; the trail records the call, not the events.
  sensitiveInputMembers: ['logEvents'],
}
