//! Repository policies: SetRepositoryPolicy, GetRepositoryPolicy, DeleteRepositoryPolicy. The document is checked
//! with the engine as a resource-based policy (a Principal in every statement; users and roles it names must exist
//! and are pinned to their unique ids, as for every resource policy), and is then enforced as the repository's
//! resource policy on every repository action (see authorization.ts).
import type { CallContext } from '../../dispatch/index.js'
import { validatePolicyDocument } from '../../engine/index.js'
import { IAM_COLLECTIONS, entityKey, type RoleRecord, type Store, type UserRecord } from '../../store/index.js'
import { auditRepository, ecrScope, repositoryLocation } from './arns.js'
import { invalidRepositoryPolicy, repositoryPolicyNotFound } from './errors.js'
import { ecrCollections, requireRepository } from './records.js'

interface SetRepositoryPolicyInput {
  registryId?: string
  repositoryName: string
  policyText: string
  force?: boolean
}

interface RepositoryInput {
  registryId?: string
  repositoryName: string
}

/** The unique id of the IAM user or role an ARN names today, in any account. */
function currentUniqueId(store: Store, arn: string): string | undefined {
  const match = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn)
  if (!match) return undefined
  const [, account, kind, name] = match as unknown as [string, string, 'user' | 'role', string]
  if (kind === 'role') {
    const role = store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles).get(account, entityKey(name))
    return role?.arn === arn ? role.roleId : undefined
  }
  const user = store.documents.collection<UserRecord>(IAM_COLLECTIONS.users).get(account, entityKey(name))
  return user?.arn === arn ? user.userId : undefined
}

function setRepositoryPolicy(input: SetRepositoryPolicyInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  const repository = requireRepository(ctx.store, location)
  const ids: Record<string, string> = {}
  const result = validatePolicyDocument(input.policyText, 'resource', {
    resolvePrincipal: (arn) => {
      const id = currentUniqueId(ctx.store, arn)
      if (id !== undefined) ids[arn] = id
      return id
    },
  })
  // ECR answers every unacceptable document the same way, without IAM's detailed MalformedPolicyDocument text.
  if (!result.ok) throw invalidRepositoryPolicy()
  Object.assign(ids, result.principalUniqueIds ?? {})
  repository.policyText = input.policyText
  repository.policyPrincipalIds = ids
  ecrCollections(ctx.store).repositories.put(ecrScope(location), location.repositoryName, repository)
  auditRepository(ctx, location)
  return { registryId: location.registryId, repositoryName: location.repositoryName, policyText: input.policyText }
}

function getRepositoryPolicy(input: RepositoryInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  const repository = requireRepository(ctx.store, location)
  if (repository.policyText === undefined) throw repositoryPolicyNotFound(location)
  auditRepository(ctx, location)
  return { registryId: location.registryId, repositoryName: location.repositoryName, policyText: repository.policyText }
}

function deleteRepositoryPolicy(input: RepositoryInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  const repository = requireRepository(ctx.store, location)
  const policyText = repository.policyText
  if (policyText === undefined) throw repositoryPolicyNotFound(location)
  delete repository.policyText
  delete repository.policyPrincipalIds
  ecrCollections(ctx.store).repositories.put(ecrScope(location), location.repositoryName, repository)
  auditRepository(ctx, location)
  return { registryId: location.registryId, repositoryName: location.repositoryName, policyText }
}

export const repositoryPolicyHandlers = {
  SetRepositoryPolicy: setRepositoryPolicy,
  GetRepositoryPolicy: getRepositoryPolicy,
  DeleteRepositoryPolicy: deleteRepositoryPolicy,
}
