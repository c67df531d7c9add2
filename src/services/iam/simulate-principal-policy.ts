//! SimulatePrincipalPolicy: the policies of a user (its own and its groups'), group or role, plus any extra input
//! policies, evaluated for the given actions and resources (IAM API Reference, SimulatePrincipalPolicy).
import type { CallContext } from '../../dispatch/index.js'
import type { RequestPrincipal } from '../../engine/index.js'
import { entityKey, type GroupRecord, type UserRecord } from '../../store/index.js'
import { groups, requireGroup, requireRole, requireUser, users, type HandlerTable, type PolicyHolder } from './entities.js'
import { invalidArn, invalidInput, noSuchEntity } from './errors.js'
import { defaultDocument, findManagedPolicy } from './find-managed-policy.js'
import { isAwsManagedArn, parseEntityArn, parsePolicyArn } from './names.js'
import { checkSimulatedDocument, simulate, type SimulatedPolicy, type SimulationInput } from './simulation.js'

interface SimulatePrincipalPolicyInput extends SimulationInput {
  PolicySourceArn: string
  PolicyInputList?: string[]
  PermissionsBoundaryPolicyInputList?: string[]
  ResourcePolicy?: string
  CallerArn?: string
}

/** An entity's inline and attached policies as the simulator names them. */
function holderPolicies(ctx: CallContext, holder: PolicyHolder, type: 'user' | 'group' | 'role'): SimulatedPolicy[] {
  const out: SimulatedPolicy[] = Object.entries(holder.inlinePolicies).map(([name, document]) => ({
    sourcePolicyId: name,
    sourcePolicyType: type,
    document,
  }))
  for (const arn of holder.attachedPolicyArns) {
    const view = findManagedPolicy(ctx, arn)
    if (!view) continue
    out.push({ sourcePolicyId: view.policyName, sourcePolicyType: isAwsManagedArn(arn) ? 'aws-managed' : 'user-managed', document: defaultDocument(view) })
  }
  return out
}

function boundaryPolicy(ctx: CallContext, arn: string | undefined): SimulatedPolicy | undefined {
  if (!arn) return undefined
  const view = findManagedPolicy(ctx, arn)
  return {
    sourcePolicyId: view?.policyName ?? parsePolicyArn(arn).name,
    sourcePolicyType: isAwsManagedArn(arn) ? 'aws-managed' : 'user-managed',
    // A boundary whose policy is gone allows nothing.
    document: view ? defaultDocument(view) : '{"Version":"2012-10-17","Statement":[]}',
  }
}

/** The IAM user a CallerArn names; only users can be simulated callers. */
function callerPrincipal(ctx: CallContext, arn: string): RequestPrincipal {
  const parts = parseEntityArn(arn)
  if (!parts || parts.kind !== 'user') throw invalidInput(`Invalid CallerArn ${arn}: only the ARN of an IAM user can be specified.`)
  const user =
    parts.account === ctx.accountId ? users(ctx).get(parts.account, entityKey(parts.name)) : undefined
  return { type: 'IAMUser', arn, accountId: parts.account, uniqueId: user?.userId ?? arn }
}

function simulatePrincipalPolicy(input: SimulatePrincipalPolicyInput, ctx: CallContext) {
  const source = parseEntityArn(input.PolicySourceArn)
  if (!source || source.account !== ctx.accountId) throw invalidArn(input.PolicySourceArn)
  let identity: SimulatedPolicy[]
  let boundary: SimulatedPolicy | undefined
  let principal: RequestPrincipal
  if (source.kind === 'user') {
    const user = requireUser(ctx, source.name)
    if (user.arn !== input.PolicySourceArn) throw noSuchEntity('user', source.name)
    identity = holderPolicies(ctx, user, 'user')
    for (const group of memberGroups(ctx, user)) identity.push(...holderPolicies(ctx, group, 'group'))
    boundary = boundaryPolicy(ctx, user.permissionsBoundaryArn)
    principal = { type: 'IAMUser', arn: user.arn, accountId: user.accountId, uniqueId: user.userId }
  } else if (source.kind === 'role') {
    const role = requireRole(ctx, source.name)
    if (role.arn !== input.PolicySourceArn) throw noSuchEntity('role', source.name)
    identity = holderPolicies(ctx, role, 'role')
    boundary = boundaryPolicy(ctx, role.permissionsBoundaryArn)
    principal = { type: 'AssumedRole', arn: role.arn, accountId: role.accountId, uniqueId: role.roleId, roleArn: role.arn }
  } else {
    const group = requireGroup(ctx, source.name)
    if (group.arn !== input.PolicySourceArn) throw noSuchEntity('group', source.name)
    identity = holderPolicies(ctx, group, 'group')
    principal = { type: 'IAMUser', arn: group.arn, accountId: group.accountId, uniqueId: group.groupId }
  }
  ;(input.PolicyInputList ?? []).forEach((document, index) => {
    checkSimulatedDocument(document, 'identity', `PolicyInputList.${index + 1}`)
    identity.push({ sourcePolicyId: `PolicyInputList.${index + 1}`, sourcePolicyType: 'IAM Policy', document })
  })
  // An input boundary replaces the entity's own, so users can try a boundary before setting it.
  const boundaryInput = input.PermissionsBoundaryPolicyInputList?.[0]
  if (boundaryInput !== undefined) {
    checkSimulatedDocument(boundaryInput, 'boundary', 'PermissionsBoundaryPolicyInputList.1')
    boundary = { sourcePolicyId: 'PermissionsBoundaryPolicyInputList.1', sourcePolicyType: 'IAM Policy', document: boundaryInput }
  }
  if (input.CallerArn !== undefined) principal = callerPrincipal(ctx, input.CallerArn)
  let resource: SimulatedPolicy | undefined
  if (input.ResourcePolicy !== undefined) {
    if (source.kind !== 'user' && input.CallerArn === undefined) {
      throw invalidInput('CallerArn is required when a ResourcePolicy is specified and PolicySourceArn is not the ARN of an IAM user.')
    }
    checkSimulatedDocument(input.ResourcePolicy, 'resource', 'ResourcePolicy')
    resource = { sourcePolicyId: 'ResourcePolicy', sourcePolicyType: 'resource', document: input.ResourcePolicy }
  }
  return simulate(input, { principal, accountId: ctx.accountId, identity, boundary, resource })
}

function memberGroups(ctx: CallContext, user: UserRecord): GroupRecord[] {
  const collection = groups(ctx)
  return user.groupNames.map((name) => collection.get(ctx.accountId, entityKey(name))).filter((g): g is GroupRecord => g !== undefined)
}

export const simulatePrincipalPolicyHandlers: HandlerTable = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
}
