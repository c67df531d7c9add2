//! What a handler receives: who calls, where, when, the store, and the ways to authorize or call onward.
import type { Principal } from '../auth/index.js'
import type { AuthorizationRequirement, AuthorizationOutcome } from '../authz/index.js'
import type { Store } from '../store/index.js'

export interface RequestSource {
  /** aws:SourceIp; absent for calls made inside a VPC through an endpoint, and for AWS services. */
  ip?: string
  userAgent: string
  secureTransport: boolean
  /** aws:SourceVpc / aws:SourceVpce, for agent calls from a task in a VPC with an interface endpoint. */
  sourceVpc?: string
  sourceVpce?: string
  /** aws:ViaAWSService / aws:CalledVia, for calls a service makes for a principal (KMS via Secrets Manager). */
  viaService?: string
}

export interface AuditAnnotations {
  /** CloudTrail resources[] (ARN + type), and the names LookupEvents' ResourceName matches. */
  resources: Array<{ ARN?: string; type?: string; name: string }>
  additionalEventData?: Record<string, unknown>
  /** Overrides the recorded responseElements (e.g. credentials redacted). */
  responseElements?: unknown
  /** CloudTrail's sharedEventID, for events recorded in two accounts. */
  sharedEventId?: string
  /** The account the event is delivered to, when not the caller's (an AWS service assuming a role). */
  recipientAccountId?: string
}

export interface InvokeOptions {
  principal: Principal
  region?: string
  source?: Partial<RequestSource>
}

export interface CallContext {
  readonly requestId: string
  readonly eventId: string
  readonly service: string
  readonly operation: string
  readonly principal: Principal
  /** The caller's account: where the call acts unless it names a resource elsewhere. */
  readonly accountId: string
  readonly region: string
  readonly now: Date
  readonly store: Store
  readonly source: RequestSource
  /** Checks one more permission (iam:PassRole, …); throws the service's AccessDenied if refused (enforce mode). */
  authorize(requirement: AuthorizationRequirement): void
  /** Evaluates without throwing (and without recording): for checks whose failure the handler reports its own way. */
  check(requirement: AuthorizationRequirement, as?: Principal): AuthorizationOutcome
  /** Calls another operation through the same pipeline (authorized and audited as its own event). */
  invoke<O = any>(service: string, operation: string, input: unknown, options?: InvokeOptions): O
  /** Runs after the transaction commits (e.g. wake the agent). */
  afterCommit(fn: () => void): void
  readonly audit: AuditAnnotations
}
