//! AWS CloudTrail: event history lookups over taskrole's audit trail (every call, allowed or denied, is recorded).
import type { ServiceDefinition } from '../../dispatch/index.js'
import { lookupEvents, lookupEventsAuthorization } from './lookup-events.js'

export const cloudtrailService: ServiceDefinition = {
  service: 'cloudtrail',
  eventSource: 'cloudtrail.amazonaws.com',
  accessDenied: { code: 'AccessDeniedException', status: 400 },
  operations: {
    LookupEvents: { authorization: lookupEventsAuthorization, handler: lookupEvents, readsAuditTrail: true },
  },
}
