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
import { buildRequestContext, type CallEnvironment } from './request-context.js'

export interface Authorizer {
  readonly mode: EnforcementMode
  authorize(principal: Principal, requirement: AuthorizationRequirement, env: CallEnvironment): AuthorizationOutcome
}

const ALLOWED_WITHOUT_EVALUATION: Decision = {
  decision: 'allowed',
  matchedStatements: [],
  missingContextValues: [],
  explanation: { evaluated: false } as never,
}

export function createAuthorizer(options: { store: Store; cache: CompiledPolicyCache; mode: EnforcementMode }): Authorizer {
  const { store, cache, mode } = options
  return {
    mode,
    authorize(principal, requirement, env) {
      if (mode === 'off') return { decision: ALLOWED_WITHOUT_EVALUATION, permitted: true, requirement }
      const policies = policiesOf(principal, env)
      const context = { ...buildRequestContext(principal, { ...env, principalTags: policies.tags }), ...requirement.context }
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
    const snapshot = env.policySnapshot
    if (!snapshot) return applicablePolicies(principal, store, cache)
    const key = principal.type === 'AWSService' ? `service ${principal.service}` : `${principal.arn} ${principal.accessKeyId}`
    let policies = snapshot.get(key)
    if (!policies) snapshot.set(key, (policies = applicablePolicies(principal, store, cache)))
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
