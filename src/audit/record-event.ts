//! Appends one CloudTrail-shaped event per call (allowed, denied or failed), with the decision and its explanation.
import type { Principal } from '../auth/index.js'
import { principalAccount } from '../auth/index.js'
import type { Store } from '../store/index.js'
import { isoSeconds, lookupUsername, userIdentity } from './user-identity.js'
import { redact } from './redact.js'

export interface CallRecord {
  eventId: string
  requestId: string
  eventTime: Date
  eventSource: string
  eventName: string
  region: string
  principal: Principal
  sourceIp?: string
  userAgent: string
  readOnly: boolean
  requestParameters: unknown
  responseElements: unknown
  error?: { code: string; message: string }
  resources: Array<{ ARN?: string; type?: string; name: string }>
  additionalEventData?: Record<string, unknown>
  /** 'allowed' | 'denied' | 'audit-denied' | 'none' */
  decision: string
  /** JSON-able explanation of every authorization decision the call made. */
  explanation?: unknown
  sensitiveMembers?: ReadonlySet<string>
  /** Where the event is delivered; defaults to the principal's account. */
  recipientAccountId?: string
  /** CloudTrail's sharedEventID: the same call recorded in two accounts (cross-account AssumeRole, service calls). */
  sharedEventId?: string
  /** Audit mode: the denials the call would have met under enforcement (code and message as the caller would see). */
  wouldBeDenied?: Array<{ errorCode: string; errorMessage: string }>
}

/** `deferred`: the call changed nothing, so its row may wait to be written with others (AuditEvents.defer). */
export function recordEvent(store: Store, call: CallRecord, when: 'now' | 'deferred' = 'now'): void {
  const account = call.recipientAccountId ?? principalAccount(call.principal)
  const record: Record<string, unknown> = {
    eventVersion: '1.08',
    userIdentity: userIdentity(call.principal),
    eventTime: isoSeconds(call.eventTime),
    eventSource: call.eventSource,
    eventName: call.eventName,
    awsRegion: call.region,
    // AWS services calling on their own appear with their service name as the source address.
    sourceIPAddress: call.principal.type === 'AWSService' ? call.principal.service : (call.sourceIp ?? 'AWS Internal'),
    userAgent: call.principal.type === 'AWSService' ? call.principal.service : call.userAgent,
    requestParameters: redact(call.requestParameters, call.sensitiveMembers) ?? null,
    responseElements: call.error ? null : (redact(call.responseElements, call.sensitiveMembers) ?? null),
    requestID: call.requestId,
    eventID: call.eventId,
    readOnly: call.readOnly,
    // A service calling an API (ECS assuming a task role) is an AwsApiCall with userIdentity type AWSService, as in
    // AWS's records; AwsServiceEvent is for events a service generates about a resource, which taskrole does not make.
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
  }
  if (call.error) {
    record.errorCode = call.error.code
    record.errorMessage = call.error.message
  }
  if (call.resources.length) {
    record.resources = call.resources.filter((r) => r.ARN).map((r) => ({ accountId: account, type: r.type, ARN: r.ARN }))
  }
  if (call.additionalEventData) record.additionalEventData = call.additionalEventData
  // CloudTrail has no field for a denial that was let through; taskrole's own key sits in additionalEventData,
  // where services put what the common fields cannot hold.
  if (call.wouldBeDenied) {
    record.additionalEventData = { ...call.additionalEventData, taskrole: { enforcement: 'audit', wouldBeDenied: call.wouldBeDenied } }
  }
  if (call.sharedEventId) record.sharedEventID = call.sharedEventId
  const row = {
    eventId: call.eventId,
    account,
    eventTime: call.eventTime.getTime(),
    eventName: call.eventName,
    eventSource: call.eventSource,
    username: lookupUsername(call.principal),
    accessKeyId: call.principal.type === 'AWSService' ? undefined : call.principal.accessKeyId,
    readOnly: call.readOnly,
    resourceNames: [...new Set(call.resources.map((r) => r.name).concat(call.resources.flatMap((r) => (r.ARN ? [r.ARN] : []))))],
    decision: call.decision,
    record: JSON.stringify(record),
    explanation: call.explanation === undefined ? undefined : JSON.stringify(call.explanation),
  }
  if (when === 'deferred') store.audit.defer(row)
  else store.audit.append(row)
}
