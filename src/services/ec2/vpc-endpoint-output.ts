//! The VpcEndpoint structure EC2 answers with, and the endpoint's CloudTrail resource.
import type { CallContext } from '../../dispatch/index.js'
import type { VpcEndpointRecord } from '../../store/index.js'
import { ec2Arn, ec2Collections, scopeOf } from './records.js'
import { tagsOutput } from './tags.js'

/** The hosted zone of `*.vpce.amazonaws.com` names (per Region in AWS; one here). */
const VPCE_HOSTED_ZONE = 'Z7HUB22UULQXV'

export function auditVpcEndpoint(ctx: CallContext, vpcEndpointId: string): void {
  ctx.audit.resources.push({ ARN: ec2Arn(ctx, 'vpc-endpoint', vpcEndpointId), type: 'AWS::EC2::VPCEndpoint', name: vpcEndpointId })
}

export function vpcEndpointOutput(ctx: CallContext, endpoint: VpcEndpointRecord, state: 'pending' | 'available' = endpoint.state) {
  const groups = ec2Collections(ctx).securityGroups
  const isInterface = endpoint.vpcEndpointType === 'Interface'
  return {
    VpcEndpointId: endpoint.vpcEndpointId,
    VpcEndpointType: endpoint.vpcEndpointType,
    VpcId: endpoint.vpcId,
    ServiceName: endpoint.serviceName,
    State: state,
    PolicyDocument: endpoint.policyDocument,
    RouteTableIds: endpoint.routeTableIds,
    SubnetIds: endpoint.subnetIds,
    Groups: endpoint.securityGroupIds.map((groupId) => ({ GroupId: groupId, GroupName: groups.get(scopeOf(ctx), groupId)?.groupName ?? groupId })),
    IpAddressType: isInterface ? 'ipv4' : undefined,
    DnsOptions: isInterface ? { DnsRecordIpType: 'ipv4' } : undefined,
    PrivateDnsEnabled: endpoint.privateDnsEnabled,
    RequesterManaged: false,
    NetworkInterfaceIds: endpoint.subnetIds.map((subnetId) => endpoint.networkInterfaceIds[subnetId]!),
    DnsEntries: endpoint.dnsNames.map((name) => ({ DnsName: name, HostedZoneId: VPCE_HOSTED_ZONE })),
    CreationTimestamp: endpoint.createdAt,
    Tags: tagsOutput(endpoint.tags),
    OwnerId: endpoint.ownerId,
  }
}
