//! What a service declares for each operation: its authorization (never defaulting to `*`) and its handler.
import type { CallContext } from './call-context.js'
import type { AuthorizationOutcome, AuthorizationRequirement } from '../authz/index.js'

export type AuthorizationDeclaration<I> = (input: I, ctx: CallContext) => AuthorizationRequirement[] | 'none'

export interface OperationDefinition<I = any, O = any> {
  /** The IAM action(s), resource ARN(s) and extra context keys the call needs; 'none' only where AWS
   *  checks no permission (sts:GetCallerIdentity). Runs before the handler. */
  authorization: AuthorizationDeclaration<I>
  /** Runs inside the call's store transaction; throws AwsError for the service's modelled errors. */
  handler: (input: I, ctx: CallContext) => O
  /** CloudTrail's readOnly; defaults from the name (Get/List/Describe/Lookup/Simulate/Filter/BatchGet). */
  readOnly?: boolean
  /** The handler reads the audit trail (cloudtrail:LookupEvents): rows still waiting to be written go first. */
  readsAuditTrail?: boolean
}

export interface ServiceDefinition {
  /** Model name: 'iam', 'sts', 'ecs', … */
  service: string
  /** CloudTrail eventSource: 'iam.amazonaws.com'. */
  eventSource: string
  /** How this service spells an authorization failure: the code and status, and, where the service words it its own
   *  way (EC2's "You are not authorized to perform this operation. …"), the message made from IAM's enriched one. */
  accessDenied: { code: string; status: number; message?: (denialMessage: string, outcome: AuthorizationOutcome) => string }
  operations: Record<string, OperationDefinition>
  /** Members of inputs that must never be written to the audit trail (SecretString, Plaintext, …), by name. */
  sensitiveInputMembers?: string[]
}

export function defaultReadOnly(operation: string): boolean {
  return /^(Get|List|Describe|Lookup|Simulate|Filter|BatchGet|BatchCheck|Generate(Credential|Service)Report)/.test(operation)
}
