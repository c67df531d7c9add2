//! Authorization: builds the engine's request from a principal and an operation's requirement, applies the mode.
export * from './authorization-requirement.js'
export * from './enforcement-mode.js'
export { createAuthorizer, type Authorizer } from './authorize-call.js'
export { CompiledPolicyCache } from './compiled-policy-cache.js'
export { applicablePolicies, managedPolicyDocument, type PrincipalPolicies } from './applicable-policies.js'
export { buildRequestContext, type CallEnvironment } from './request-context.js'
export { accessDeniedMessage } from './access-denied.js'
export { findRoleByArn, roleTrustRequirement } from './role-trust.js'
