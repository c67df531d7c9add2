//! SimulateCustomPolicy: policies given in the request (identity, boundary, resource) evaluated for the given
//! actions and resources, with no entity behind them (IAM API Reference, SimulateCustomPolicy).
import type { CallContext } from '../../dispatch/index.js'
import type { RequestPrincipal } from '../../engine/index.js'
import { entityKey } from '../../store/index.js'
import { users, type HandlerTable } from './entities.js'
import { invalidInput } from './errors.js'
import { parseEntityArn } from './names.js'
import { checkSimulatedDocument, simulate, type SimulatedPolicy, type SimulationInput } from './simulation.js'

interface SimulateCustomPolicyInput extends SimulationInput {
  PolicyInputList: string[]
  PermissionsBoundaryPolicyInputList?: string[]
  ResourcePolicy?: string
  CallerArn?: string
}

/**
 * The simulated caller: the CallerArn user, else an anonymous IAM user of the caller's account (never root, which
 * IAM would allow everything in its own account whatever the policies say).
 */
function simulatedCaller(ctx: CallContext, callerArn: string | undefined): RequestPrincipal {
  if (callerArn === undefined) {
    const arn = `arn:aws:iam::${ctx.accountId}:user/PolicySimulatorCaller`
    return { type: 'IAMUser', arn, accountId: ctx.accountId, uniqueId: arn }
  }
  const parts = parseEntityArn(callerArn)
  if (!parts || parts.kind !== 'user') throw invalidInput(`Invalid CallerArn ${callerArn}: only the ARN of an IAM user can be specified.`)
  const user = parts.account === ctx.accountId ? users(ctx).get(parts.account, entityKey(parts.name)) : undefined
  return { type: 'IAMUser', arn: callerArn, accountId: parts.account, uniqueId: user?.userId ?? callerArn }
}

function simulateCustomPolicy(input: SimulateCustomPolicyInput, ctx: CallContext) {
  const identity: SimulatedPolicy[] = input.PolicyInputList.map((document, index) => {
    checkSimulatedDocument(document, 'identity', `PolicyInputList.${index + 1}`)
    return { sourcePolicyId: `PolicyInputList.${index + 1}`, sourcePolicyType: 'IAM Policy', document }
  })
  let boundary: SimulatedPolicy | undefined
  const boundaryInput = input.PermissionsBoundaryPolicyInputList?.[0]
  if (boundaryInput !== undefined) {
    checkSimulatedDocument(boundaryInput, 'boundary', 'PermissionsBoundaryPolicyInputList.1')
    boundary = { sourcePolicyId: 'PermissionsBoundaryPolicyInputList.1', sourcePolicyType: 'IAM Policy', document: boundaryInput }
  }
  let resource: SimulatedPolicy | undefined
  if (input.ResourcePolicy !== undefined) {
    if (input.CallerArn === undefined) throw invalidInput('CallerArn is required when a ResourcePolicy is specified.')
    checkSimulatedDocument(input.ResourcePolicy, 'resource', 'ResourcePolicy')
    resource = { sourcePolicyId: 'ResourcePolicy', sourcePolicyType: 'resource', document: input.ResourcePolicy }
  }
  return simulate(input, { principal: simulatedCaller(ctx, input.CallerArn), accountId: ctx.accountId, identity, boundary, resource })
}

export const simulateCustomPolicyHandlers: HandlerTable = {
  SimulateCustomPolicy: simulateCustomPolicy,
}
