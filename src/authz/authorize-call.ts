//! One permission check: principal + requirement -> the engine's decision under the enforcement mode.
import type { Principal } from '../auth/index.js'
import { parseArn } from '../aws/index.js'
import { evaluate, type Decision, type RequestPrincipal } from '../engine/index.js'
import type { Store } from '../store/index.js'
import { accessDeniedMessage } from './access-denied.js'
import { applicablePolicies, type PrincipalPolicies } from './applicable-policies.js'
import type { AuthorizationOutcome, AuthorizationRequirement } from './authorization-requirement.js'
import type { CompiledPolicyCache } from './compiled-policy-cache.js'
import type { EnforcementMode } from './enforcement-mode.js'
import { PrincipalPolicyCache } from './principal-policy-cache.js'
import { RecordVersions, recordId } from './record-versions.js'
import { buildRequestContext, type CallEnvironment } from './request-context.js'

export interface Authorizer {
  readonly mode: EnforcementMode
  authorize(principal: Principal, requirement: AuthorizationRequirement, env: CallEnvironment): AuthorizationOutcome
  /** A call wrote (or rolled back a write of) this record: policies read from it are read again. */
  recordWritten(collection: string, scope: string, key: string): void
  /** Forgets every cached policy (the store was changed behind dispatch's back, e.g. wiped by a reset). */
  forgetPolicies(): void
}

const ALLOWED_WITHOUT_EVALUATION: Decision = {
  decision: 'allowed',
  matchedStatements: [],
  missingContextValues: [],
  explanation: { evaluated: false } as never,
}

export function createAuthorizer(options: { store: Store; cache: CompiledPolicyCache; mode: EnforcementMode }): Authorizer {
  const { store, cache, mode } = options
  const versions = new RecordVersions()
  const principalPolicies = new PrincipalPolicyCache(versions)
  return {
    mode,
    recordWritten(collection, scope, key) {
      versions.bump(recordId(collection, scope, key))
    },
    forgetPolicies() {
      principalPolicies.clear()
    },
    authorize(principal, requirement, env) {
      if (mode === 'off') return { decision: ALLOWED_WITHOUT_EVALUATION, permitted: true, requirement, notEvaluated: true }
      const policies = policiesOf(principal, env)
      const context = buildRequestContext(principal, { ...env, principalTags: policies.tags })
      if (requirement.context) Object.assign(context, requirement.context)
      const resourcePolicy = requirement.resourcePolicy
      const resourceAccount = requirement.resourceAccount ?? resourceAccountOf(requirement.resource)
      const decision = evaluate(
        {
          principal: requestPrincipal(principal),
          action: requirement.action,
          resource: requirement.resource,
          resourceAccount,
          context,
        },
        {
          identity: policies.identity,
          boundary: policies.boundary,
          session: policies.session,
          resource: resourcePolicy
            ? cache.get(resourcePolicy.document, { id: resourcePolicy.id, type: resourcePolicy.type ?? 'Resource Policy' }, resourcePolicy.principalUniqueIds)
            : undefined,
          resourcePolicyMustGrant: resourcePolicy?.mustGrant,
        },
      )
      if (decision.decision === 'allowed') return { decision, permitted: true, requirement }
      const denialMessage = accessDeniedMessage(principal, { action: requirement.action, resource: requirement.resource, resourceAccount }, decision)
      return { decision, permitted: mode === 'audit', denialMessage, requirement }
    },
  }

  function policiesOf(principal: Principal, env: CallEnvironment): PrincipalPolicies {
    // Root and AWS service principals have no identity-based policies: nothing to read or keep.
    if (principal.type === 'Root' || principal.type === 'AWSService') return applicablePolicies(principal, store, cache)
    const load = () => principalPolicies.get(principal, (reads) => applicablePolicies(principal, store, cache, reads))
    const snapshot = env.policySnapshot
    if (!snapshot) return load()
    const key = `${principal.arn} ${principal.accessKeyId}`
    let policies = snapshot.get(key)
    if (!policies) snapshot.set(key, (policies = load()))
    return policies
  }
}

function requestPrincipal(principal: Principal): RequestPrincipal {
  switch (principal.type) {
    case 'Root':
      return { type: 'Root', arn: principal.arn, accountId: principal.accountId }
    case 'IAMUser':
      return { type: 'IAMUser', arn: principal.arn, accountId: principal.accountId, uniqueId: principal.userId }
    case 'AssumedRole':
      return { type: 'AssumedRole', arn: principal.arn, accountId: principal.accountId, uniqueId: principal.roleId, roleArn: principal.roleArn }
    case 'AWSService':
      return { type: 'AWSService', arn: principal.service, service: principal.service }
  }
}

function resourceAccountOf(resource: string): string | undefined {
  const account = parseArn(resource)?.account
  return account ? account : undefined
}
