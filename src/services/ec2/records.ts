//! The EC2 collections a call reads and writes (record types live in store/repositories/ec2-network.ts, which the
//! agent reads too), the ARNs IAM names them by, and lookups that fail with EC2's NotFound / Malformed errors.
import type { CallContext } from '../../dispatch/index.js'
import {
  EC2_COLLECTIONS,
  ec2Scope,
  type SecurityGroupRecord,
  type SubnetRecord,
  type VpcEndpointRecord,
  type VpcRecord,
} from '../../store/index.js'
import { ID_KINDS, malformedId, notFound, type IdKind } from './errors.js'
import { isEc2Id, type Ec2IdPrefix } from './ids.js'

export function ec2Collections(ctx: CallContext) {
  const documents = ctx.store.documents
  return {
    vpcs: documents.collection<VpcRecord>(EC2_COLLECTIONS.vpcs),
    subnets: documents.collection<SubnetRecord>(EC2_COLLECTIONS.subnets),
    vpcEndpoints: documents.collection<VpcEndpointRecord>(EC2_COLLECTIONS.vpcEndpoints),
    securityGroups: documents.collection<SecurityGroupRecord>(EC2_COLLECTIONS.securityGroups),
  }
}

export function scopeOf(ctx: CallContext): string {
  return ec2Scope(ctx.accountId, ctx.region)
}

/** arn:aws:ec2:<region>:<account>:<type>/<id> (or `/*` for one not yet created). */
export function ec2Arn(ctx: CallContext, type: 'vpc' | 'subnet' | 'vpc-endpoint' | 'security-group', id = '*'): string {
  return `arn:aws:ec2:${ctx.region}:${ctx.accountId}:${type}/${id}`
}

/** EC2 checks the shape of every id in a list before it looks any up. */
export function checkIds(kind: IdKind, ids: readonly string[] | undefined): void {
  for (const id of ids ?? []) if (!isEc2Id(kind.prefix as Ec2IdPrefix, id)) throw malformedId(kind, id)
}

/** The records named by `ids`, in the order asked; the first unknown id fails the whole call. */
export function resolveIds<T>(kind: IdKind, ids: readonly string[], find: (id: string) => T | undefined): T[] {
  checkIds(kind, ids)
  const found: T[] = []
  const seen = new Set<string>()
  for (const id of ids) {
    const record = find(id)
    if (!record) throw notFound(kind, id)
    if (!seen.has(id)) found.push(record)
    seen.add(id)
  }
  return found
}

export function requireVpc(ctx: CallContext, vpcId: string): VpcRecord {
  return resolveIds(ID_KINDS.vpc, [vpcId], (id) => ec2Collections(ctx).vpcs.get(scopeOf(ctx), id))[0]!
}

export function requireSubnet(ctx: CallContext, subnetId: string): SubnetRecord {
  return resolveIds(ID_KINDS.subnet, [subnetId], (id) => ec2Collections(ctx).subnets.get(scopeOf(ctx), id))[0]!
}

export function requireSecurityGroup(ctx: CallContext, groupId: string): SecurityGroupRecord {
  return resolveIds(ID_KINDS.securityGroup, [groupId], (id) => ec2Collections(ctx).securityGroups.get(scopeOf(ctx), id))[0]!
}
