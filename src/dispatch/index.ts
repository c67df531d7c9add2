//! Dispatch: the single path every call takes after the wire (HTTP) or from the embedded agent.
export * from './operation.js'
export * from './call-context.js'
export { OperationRegistry } from './operation-registry.js'
export { createDispatcher, type Call, type Dispatcher } from './invoke-operation.js'
export { decisionRecord, expandDecisionRecord, type DecisionRecord } from './decision-record.js'
// Services may not import authz/ directly; what they need of it comes through here.
export type { AuthorizationRequirement, AuthorizationOutcome, ResourcePolicyRef } from '../authz/index.js'
export { findRoleByArn, roleTrustRequirement, managedPolicyDocument } from '../authz/index.js'
