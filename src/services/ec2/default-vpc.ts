//! Every account has a default VPC in every Region (Amazon VPC User Guide, "Default VPCs"). taskrole creates it at the
//! account's first EC2 call in the Region (the records: store/repositories/ec2-network.ts), before authorization reads
//! any resource, and calls that name no VPC (CreateSecurityGroup, GroupNames) use it.
import type { CallContext } from '../../dispatch/index.js'
import { defaultVpcId, ensureDefaultVpc, type SecurityGroupRecord } from '../../store/index.js'
import { ec2Collections, scopeOf } from './records.js'

/** `fn`, run after the caller's account has its default VPC in the call's Region (one indexed read once it has). */
export function withDefaultVpc<I, O>(fn: (input: I, ctx: CallContext) => O): (input: I, ctx: CallContext) => O {
  return (input, ctx) => {
    ensureDefaultVpc(ctx.store, ctx.accountId, ctx.region, ctx.now)
    return fn(input, ctx)
  }
}

/** The default VPC's id, or undefined once the user has deleted it. */
export function defaultVpcOf(ctx: CallContext): string | undefined {
  return defaultVpcId(ctx.store, ctx.accountId, ctx.region)
}

/** The default VPC's group of this name (what GroupNames / GroupName name), if there is one. */
export function groupInDefaultVpc(ctx: CallContext, groupName: string): SecurityGroupRecord | undefined {
  const vpcId = defaultVpcOf(ctx)
  if (vpcId === undefined) return undefined
  return ec2Collections(ctx)
    .securityGroups.list(scopeOf(ctx))
    .find((group) => group.vpcId === vpcId && group.groupName === groupName)
}
