//! One LookupEvents result: the lookup attributes of a recorded event plus the CloudTrail record itself as JSON
//! text (CloudTrail API Reference, "Event" data type).
import type { AuditEventRow } from '../../store/index.js'

export interface EventOutput {
  EventId: string
  EventName: string
  /** A string, "true" or "false", as CloudTrail returns it. */
  ReadOnly: string
  AccessKeyId?: string
  EventTime: Date
  EventSource: string
  Username?: string
  Resources: Array<{ ResourceType?: string; ResourceName?: string }>
  CloudTrailEvent: string
}

export function eventSummary(row: AuditEventRow): EventOutput {
  return {
    EventId: row.eventId,
    EventName: row.eventName,
    ReadOnly: row.readOnly ? 'true' : 'false',
    AccessKeyId: row.accessKeyId,
    // CloudTrail times have whole seconds, as in the record's eventTime.
    EventTime: new Date(Math.floor(row.eventTime / 1000) * 1000),
    EventSource: row.eventSource,
    Username: row.username,
    Resources: recordResources(row.record),
    CloudTrailEvent: row.record,
  }
}

/** The resources[] of the record (ARN and type), as LookupEvents lists them. */
function recordResources(record: string): EventOutput['Resources'] {
  const parsed = JSON.parse(record) as { resources?: Array<{ ARN?: string; type?: string }> }
  return (parsed.resources ?? []).map((resource) => ({ ResourceType: resource.type, ResourceName: resource.ARN }))
}
