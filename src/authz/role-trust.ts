//! The requirement to assume a role: sts:AssumeRole on the role, judged by its trust policy, which must grant
//! explicitly (IAM User Guide, "Policy evaluation logic": role trust policies).
import { parseArn } from '../aws/index.js'
import { IAM_COLLECTIONS, entityKey, type RoleRecord, type Store } from '../store/index.js'
import type { ContextValue } from '../engine/index.js'
import type { AuthorizationRequirement } from './authorization-requirement.js'

/** The role an ARN names (path included), or undefined when no such role exists now. */
export function findRoleByArn(store: Store, roleArn: string): RoleRecord | undefined {
  const arn = parseArn(roleArn)
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('role/')) return undefined
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1)
  const role = store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles).get(arn.account, entityKey(name))
  return role && role.arn === roleArn ? role : undefined
}

export function roleTrustRequirement(
  role: RoleRecord,
  action = 'sts:AssumeRole',
  context: Record<string, ContextValue> = {},
): AuthorizationRequirement {
  return {
    action,
    resource: role.arn,
    resourceAccount: role.accountId,
    context,
    resourcePolicy: {
      id: role.arn,
      document: role.assumeRolePolicyDocument,
      type: 'Role Trust Policy',
      principalUniqueIds: role.trustPrincipalIds,
      mustGrant: true,
    },
  }
}
