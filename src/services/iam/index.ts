//! The IAM service: the operations ECS users touch, each paired with its declared authorization.
import type { OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { accessKeyHandlers } from './access-keys.js'
import { accountAuthorizationDetailsHandlers } from './account-authorization-details.js'
import { attachmentHandlers } from './attachments.js'
import { iamAuthorization } from './authorization.js'
import type { HandlerTable } from './entities.js'
import { groupHandlers } from './groups.js'
import { inlinePolicyHandlers } from './inline-policies.js'
import { managedPolicyHandlers } from './managed-policies.js'
import { permissionsBoundaryHandlers } from './permissions-boundaries.js'
import { policyVersionHandlers } from './policy-versions.js'
import { roleHandlers } from './roles.js'
import { simulateCustomPolicyHandlers } from './simulate-custom-policy.js'
import { simulatePrincipalPolicyHandlers } from './simulate-principal-policy.js'
import { userHandlers } from './users.js'

export const iamHandlers: HandlerTable = {
  ...roleHandlers,
  ...userHandlers,
  ...groupHandlers,
  ...inlinePolicyHandlers,
  ...attachmentHandlers,
  ...permissionsBoundaryHandlers,
  ...managedPolicyHandlers,
  ...policyVersionHandlers,
  ...accessKeyHandlers,
  ...accountAuthorizationDetailsHandlers,
  ...simulatePrincipalPolicyHandlers,
  ...simulateCustomPolicyHandlers,
}

function operations(): Record<string, OperationDefinition> {
  const table: Record<string, OperationDefinition> = {}
  for (const [name, handler] of Object.entries(iamHandlers)) {
    const authorization = iamAuthorization[name]
    // INVARIANT: nothing defaults to `*` (STYLE.md rule 6); an operation without a declaration is a bug.
    if (!authorization) throw new Error(`iam:${name} has no authorization declaration`)
    table[name] = { authorization, handler }
  }
  return table
}

export const iamService: ServiceDefinition = {
  service: 'iam',
  eventSource: 'iam.amazonaws.com',
  accessDenied: { code: 'AccessDenied', status: 403 },
  operations: operations(),
}
