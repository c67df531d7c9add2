//! The identity policies, permissions boundary and session policies that apply to a principal,
//! read from IAM's records (IAM User Guide, "Policy evaluation logic": identity-based policies).
import type { Principal } from '../auth/index.js'
import { awsManagedPolicy } from '../aws/index.js'
import type { CompiledPolicy } from '../engine/index.js'
import {
  IAM_COLLECTIONS,
  entityKey,
  type GroupRecord,
  type ManagedPolicyRecord,
  type RoleRecord,
  type Store,
  type Tag,
  type UserRecord,
} from '../store/index.js'
import type { CompiledPolicyCache } from './compiled-policy-cache.js'
import { recordId } from './record-versions.js'

export interface PrincipalPolicies {
  identity: CompiledPolicy[]
  boundary?: CompiledPolicy
  session?: CompiledPolicy[]
  /** Tags of the user or role, for aws:PrincipalTag. */
  tags: Record<string, string>
  /** The entity behind the principal no longer exists (deleted user or role). */
  missing: boolean
}

/** The IAM records a lookup read, as recordId()s, present or not: what a cached result depends on. */
export type RecordReads = string[]

/** Reads one IAM record, noting it in `reads` when given. */
function read<T>(store: Store, reads: RecordReads | undefined, collection: string, scope: string, key: string): T | undefined {
  reads?.push(recordId(collection, scope, key))
  return store.documents.collection<T>(collection).get(scope, key)
}

export function applicablePolicies(principal: Principal, store: Store, cache: CompiledPolicyCache, reads?: RecordReads): PrincipalPolicies {
  switch (principal.type) {
    case 'Root':
    case 'AWSService':
      return { identity: [], tags: {}, missing: false }
    case 'IAMUser': {
      const user = read<UserRecord>(store, reads, IAM_COLLECTIONS.users, principal.accountId, entityKey(principal.userName))
      if (!user || user.userId !== principal.userId) return { identity: [], tags: {}, missing: true }
      const identity = entityPolicies(user, 'user', store, cache, reads)
      for (const groupName of user.groupNames) {
        const group = read<GroupRecord>(store, reads, IAM_COLLECTIONS.groups, user.accountId, entityKey(groupName))
        if (group) identity.push(...entityPolicies(group, 'group', store, cache, reads))
      }
      return {
        identity,
        boundary: boundaryPolicy(user.permissionsBoundaryArn, user.accountId, store, cache, reads),
        tags: tagMap(user.tags),
        missing: false,
      }
    }
    case 'AssumedRole': {
      const role = read<RoleRecord>(store, reads, IAM_COLLECTIONS.roles, principal.accountId, entityKey(principal.roleName))
      if (!role || role.roleId !== principal.roleId) return { identity: [], tags: {}, missing: true }
      const session = principal.session.sessionPolicies.map((policy) =>
        cache.get(policy.document, { id: policy.id, type: 'Session Policy' }),
      )
      return {
        identity: entityPolicies(role, 'role', store, cache, reads),
        boundary: boundaryPolicy(role.permissionsBoundaryArn, role.accountId, store, cache, reads),
        session: session.length ? session : undefined,
        tags: tagMap(role.tags),
        missing: false,
      }
    }
  }
}

function entityPolicies(
  entity: { accountId: string; inlinePolicies: Record<string, string>; attachedPolicyArns: string[] },
  kind: 'user' | 'group' | 'role',
  store: Store,
  cache: CompiledPolicyCache,
  reads: RecordReads | undefined,
): CompiledPolicy[] {
  const compiled: CompiledPolicy[] = []
  for (const [policyName, document] of Object.entries(entity.inlinePolicies)) {
    compiled.push(cache.get(document, { id: policyName, type: kind }))
  }
  for (const arn of entity.attachedPolicyArns) {
    const document = managedPolicyDocument(arn, entity.accountId, store, reads)
    if (document !== undefined) compiled.push(cache.get(document, { id: arn, type: arn.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'user-managed' }))
  }
  return compiled
}

function boundaryPolicy(arn: string | undefined, accountId: string, store: Store, cache: CompiledPolicyCache, reads: RecordReads | undefined): CompiledPolicy | undefined {
  if (!arn) return undefined
  const document = managedPolicyDocument(arn, accountId, store, reads)
  // A boundary whose policy was deleted allows nothing (AWS refuses to delete a policy set as a boundary).
  return cache.get(document ?? '{"Version":"2012-10-17","Statement":[]}', { id: arn, type: 'Permissions Boundary Policy' })
}

/** The default version's document of a customer or AWS managed policy. */
export function managedPolicyDocument(arn: string, accountId: string, store: Store, reads?: RecordReads): string | undefined {
  const aws = awsManagedPolicy(arn)
  if (aws) return aws.document
  const name = arn.slice(arn.lastIndexOf('/') + 1)
  const owner = arn.split(':')[4] ?? accountId
  const policy = read<ManagedPolicyRecord>(store, reads, IAM_COLLECTIONS.policies, owner, entityKey(name))
  if (!policy || policy.arn !== arn) return undefined
  return policy.versions.find((version) => version.versionId === policy.defaultVersionId)?.document
}

function tagMap(tags: Tag[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const tag of tags) map[tag.Key] = tag.Value
  return map
}
