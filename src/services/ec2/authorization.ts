//! What each EC2 networking operation asks of IAM (Service Authorization Reference, "Actions, resources, and
//! condition keys for Amazon EC2"): Describe* support no resource-level permissions (`*`); create calls are
//! authorized on the new resource (`vpc/*`, `subnet/*`, …) and on each existing resource they use (the VPC, its
//! subnets and security groups); delete calls on the resource. Condition keys: ec2:Region, ec2:Vpc,
//! ec2:VpceServiceName, aws:RequestTag/* and aws:TagKeys from TagSpecifications, aws:ResourceTag/* of resources.
import type { AuthorizationDeclaration, AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import type { Ec2Tag } from '../../store/index.js'
import { defaultVpcOf, groupInDefaultVpc } from './default-vpc.js'
import { ec2Arn, ec2Collections, scopeOf } from './records.js'
import { requestTagContext, resourceTagContext } from './tags.js'

type Input = Record<string, any>
type Context = NonNullable<AuthorizationRequirement['context']>
type ResourceType = 'vpc' | 'subnet' | 'vpc-endpoint' | 'security-group'

function requirement(ctx: CallContext, action: string, type: ResourceType | '*', id: string | undefined, ...contexts: Context[]): AuthorizationRequirement {
  return {
    action: `ec2:${action}`,
    resource: type === '*' ? '*' : ec2Arn(ctx, type, id),
    context: Object.assign({ 'ec2:Region': ctx.region }, ...contexts),
  }
}

function tagsOf(ctx: CallContext, type: ResourceType, id: string | undefined): Ec2Tag[] | undefined {
  if (id === undefined) return undefined
  const collections = ec2Collections(ctx)
  const scope = scopeOf(ctx)
  switch (type) {
    case 'vpc':
      return collections.vpcs.get(scope, id)?.tags
    case 'subnet':
      return collections.subnets.get(scope, id)?.tags
    case 'vpc-endpoint':
      return collections.vpcEndpoints.get(scope, id)?.tags
    case 'security-group':
      return collections.securityGroups.get(scope, id)?.tags
  }
}

/** An existing resource the call acts on or uses, with its tags. */
function existing(ctx: CallContext, action: string, type: ResourceType, id: string, ...contexts: Context[]): AuthorizationRequirement {
  return requirement(ctx, action, type, id, resourceTagContext(tagsOf(ctx, type, id)), ...contexts)
}

function vpcContext(ctx: CallContext, vpcId: string | undefined): Context {
  return vpcId === undefined ? {} : { 'ec2:Vpc': ec2Arn(ctx, 'vpc', vpcId) }
}

const describe = (action: string): AuthorizationDeclaration<Input> => (_input, ctx) => [requirement(ctx, action, '*', undefined)]

export const EC2_AUTHORIZATION: Record<string, AuthorizationDeclaration<Input>> = {
  CreateVpc: (input, ctx) => [requirement(ctx, 'CreateVpc', 'vpc', '*', requestTagContext(input.TagSpecifications))],
  DescribeVpcs: describe('DescribeVpcs'),
  DeleteVpc: (input, ctx) => [existing(ctx, 'DeleteVpc', 'vpc', input.VpcId)],
  CreateSubnet: (input, ctx) => [
    requirement(ctx, 'CreateSubnet', 'subnet', '*', vpcContext(ctx, input.VpcId), requestTagContext(input.TagSpecifications)),
    existing(ctx, 'CreateSubnet', 'vpc', input.VpcId),
  ],
  DescribeSubnets: describe('DescribeSubnets'),
  DeleteSubnet: (input, ctx) => {
    const vpcId = ec2Collections(ctx).subnets.get(scopeOf(ctx), input.SubnetId)?.vpcId
    return [existing(ctx, 'DeleteSubnet', 'subnet', input.SubnetId, vpcContext(ctx, vpcId))]
  },
  CreateVpcEndpoint: (input, ctx) => {
    const service: Context = input.ServiceName === undefined ? {} : { 'ec2:VpceServiceName': input.ServiceName }
    return [
      requirement(ctx, 'CreateVpcEndpoint', 'vpc-endpoint', '*', vpcContext(ctx, input.VpcId), service, requestTagContext(input.TagSpecifications)),
      existing(ctx, 'CreateVpcEndpoint', 'vpc', input.VpcId),
      ...((input.SubnetIds as string[] | undefined) ?? []).map((id) => existing(ctx, 'CreateVpcEndpoint', 'subnet', id, vpcContext(ctx, input.VpcId))),
      ...((input.SecurityGroupIds as string[] | undefined) ?? []).map((id) => existing(ctx, 'CreateVpcEndpoint', 'security-group', id, vpcContext(ctx, input.VpcId))),
    ]
  },
  DescribeVpcEndpoints: describe('DescribeVpcEndpoints'),
  DeleteVpcEndpoints: (input, ctx) =>
    [...new Set(input.VpcEndpointIds as string[])].map((id) => {
      const endpoint = ec2Collections(ctx).vpcEndpoints.get(scopeOf(ctx), id)
      const service: Context = endpoint ? { 'ec2:VpceServiceName': endpoint.serviceName } : {}
      return existing(ctx, 'DeleteVpcEndpoints', 'vpc-endpoint', id, vpcContext(ctx, endpoint?.vpcId), service)
    }),
  CreateSecurityGroup: (input, ctx) => {
    // Without VpcId the group is created in (and so uses) the default VPC.
    const vpcId: string | undefined = input.VpcId ?? defaultVpcOf(ctx)
    return [
      requirement(ctx, 'CreateSecurityGroup', 'security-group', '*', vpcContext(ctx, vpcId), requestTagContext(input.TagSpecifications)),
      ...(vpcId === undefined ? [] : [existing(ctx, 'CreateSecurityGroup', 'vpc', vpcId)]),
    ]
  },
  DescribeSecurityGroups: describe('DescribeSecurityGroups'),
  DeleteSecurityGroup: (input, ctx) => {
    // A GroupName names the default VPC's group of that name.
    const group =
      input.GroupId !== undefined
        ? ec2Collections(ctx).securityGroups.get(scopeOf(ctx), input.GroupId)
        : input.GroupName !== undefined
          ? groupInDefaultVpc(ctx, input.GroupName)
          : undefined
    return [existing(ctx, 'DeleteSecurityGroup', 'security-group', input.GroupId ?? group?.groupId ?? '*', vpcContext(ctx, group?.vpcId))]
  },
}
