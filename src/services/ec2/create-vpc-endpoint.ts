//! CreateVpcEndpoint (Amazon EC2 API Reference) for AWS services: Interface endpoints (a network interface in each
//! subnet, one subnet per zone, security groups, private DNS that takes over the service's default host in the VPC)
//! and Gateway endpoints (S3, DynamoDB; route tables are recorded as given, not modelled). Calls from tasks in the
//! VPC then carry aws:SourceVpc / aws:SourceVpce (store/repositories/ec2-network.ts).
import { AwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { validatePolicyDocument } from '../../engine/index.js'
import type { SubnetRecord, VpcEndpointRecord } from '../../store/index.js'
import { findEndpointService, type EndpointService } from './endpoint-services.js'
import {
  dryRunOperation,
  duplicateSubnetsInSameZone,
  endpointTypeNotSupported,
  ID_KINDS,
  invalidParameter,
  missingParameter,
  privateDnsConflict,
  serviceNotFound,
} from './errors.js'
import { ec2Id } from './ids.js'
import { ec2Collections, requireVpc, resolveIds, scopeOf } from './records.js'
import { requestedTags, type TagSpecification } from './tags.js'
import { auditVpcEndpoint, vpcEndpointOutput } from './vpc-endpoint-output.js'

export interface CreateVpcEndpointInput {
  VpcId: string
  VpcEndpointType?: string
  ServiceName?: string
  PolicyDocument?: string
  RouteTableIds?: string[]
  SubnetIds?: string[]
  SecurityGroupIds?: string[]
  PrivateDnsEnabled?: boolean
  ClientToken?: string
  TagSpecifications?: TagSpecification[]
  DryRun?: boolean
}

/** What an endpoint allows when no policy is given: everything (AWS PrivateLink Guide, "Endpoint policies"). */
export const FULL_ACCESS_POLICY = '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}'

function checkPolicy(policy: string | undefined): string {
  if (policy === undefined) return FULL_ACCESS_POLICY
  const result = validatePolicyDocument(policy, 'resource')
  if (!result.ok) throw new AwsError('InvalidPolicyDocument', `Invalid policy document: ${result.message}`)
  return policy
}

function interfaceSubnets(ctx: CallContext, input: CreateVpcEndpointInput): SubnetRecord[] {
  const collections = ec2Collections(ctx)
  const subnets = resolveIds(ID_KINDS.subnet, input.SubnetIds ?? [], (id) => collections.subnets.get(scopeOf(ctx), id))
  const zones = new Set<string>()
  for (const subnet of subnets) {
    if (subnet.vpcId !== input.VpcId) throw invalidParameter(`The subnet '${subnet.subnetId}' does not belong to VPC '${input.VpcId}'`)
    if (zones.has(subnet.availabilityZone)) throw duplicateSubnetsInSameZone(subnet.subnetId)
    zones.add(subnet.availabilityZone)
  }
  return subnets
}

function interfaceGroups(ctx: CallContext, input: CreateVpcEndpointInput, defaultGroupId: string): string[] {
  const collections = ec2Collections(ctx)
  const ids = input.SecurityGroupIds?.length ? input.SecurityGroupIds : [defaultGroupId]
  for (const group of resolveIds(ID_KINDS.securityGroup, ids, (id) => collections.securityGroups.get(scopeOf(ctx), id))) {
    if (group.vpcId !== input.VpcId) throw invalidParameter(`The security group '${group.groupId}' does not belong to VPC '${input.VpcId}'`)
  }
  return [...new Set(ids)]
}

/** One private-DNS interface endpoint per service and VPC: a second would claim the same host name. */
function checkPrivateDns(ctx: CallContext, input: CreateVpcEndpointInput, serviceName: string, service: EndpointService): void {
  const clash = ec2Collections(ctx)
    .vpcEndpoints.list(scopeOf(ctx))
    .some((endpoint) => endpoint.vpcId === input.VpcId && endpoint.serviceName === serviceName && endpoint.privateDnsEnabled)
  if (clash) throw privateDnsConflict(service.privateDnsName(ctx.region), input.VpcId)
}

function createVpcEndpoint(input: CreateVpcEndpointInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  const collections = ec2Collections(ctx)
  if (input.ClientToken !== undefined) {
    // Idempotency: the same token answers the endpoint it created (EC2 Developer Guide, "Ensuring idempotency").
    const earlier = collections.vpcEndpoints.list(scopeOf(ctx)).find((endpoint) => endpoint.clientToken === input.ClientToken)
    if (earlier) return { VpcEndpoint: vpcEndpointOutput(ctx, earlier), ClientToken: input.ClientToken }
  }
  const vpc = requireVpc(ctx, input.VpcId)
  if (input.ServiceName === undefined) throw missingParameter('The request must contain the parameter ServiceName')
  const type = input.VpcEndpointType ?? 'Gateway'
  const service = findEndpointService(ctx.region, input.ServiceName)
  if (!service) throw serviceNotFound(input.ServiceName)
  if (!service.types.includes(type as 'Interface' | 'Gateway')) throw endpointTypeNotSupported(input.ServiceName, type)
  const endpoint: VpcEndpointRecord = {
    vpcEndpointId: ec2Id('vpce'),
    vpcId: vpc.vpcId,
    ownerId: ctx.accountId,
    region: ctx.region,
    serviceName: input.ServiceName,
    vpcEndpointType: type as 'Interface' | 'Gateway',
    state: 'available',
    policyDocument: checkPolicy(input.PolicyDocument),
    routeTableIds: [],
    subnetIds: [],
    securityGroupIds: [],
    networkInterfaceIds: {},
    privateDnsEnabled: false,
    dnsNames: [],
    tags: requestedTags(input.TagSpecifications, 'vpc-endpoint'),
    createdAt: ctx.now.toISOString(),
  }
  if (input.ClientToken !== undefined) endpoint.clientToken = input.ClientToken
  if (type === 'Interface') {
    if (input.RouteTableIds?.length) throw invalidParameter('Route table IDs are only supported for Gateway endpoints')
    const subnets = interfaceSubnets(ctx, input)
    endpoint.subnetIds = subnets.map((subnet) => subnet.subnetId)
    endpoint.securityGroupIds = interfaceGroups(ctx, input, vpc.defaultSecurityGroupId)
    for (const subnet of subnets) endpoint.networkInterfaceIds[subnet.subnetId] = ec2Id('eni')
    // Private DNS is on by default for endpoints to AWS services (API Reference, PrivateDnsEnabled).
    endpoint.privateDnsEnabled = input.PrivateDnsEnabled ?? true
    if (endpoint.privateDnsEnabled) checkPrivateDns(ctx, input, input.ServiceName, service)
    endpoint.dnsNames = [`${endpoint.vpcEndpointId}-${ec2Id('vpce').slice(5, 13)}.${service.vpceDnsPart}.${ctx.region}.vpce.amazonaws.com`]
    if (endpoint.privateDnsEnabled) endpoint.dnsNames.push(service.privateDnsName(ctx.region))
  } else {
    if (input.SubnetIds?.length || input.SecurityGroupIds?.length) {
      throw invalidParameter('Subnet IDs and security group IDs are only supported for Interface endpoints')
    }
    if (input.PrivateDnsEnabled) throw invalidParameter('PrivateDnsEnabled is only supported for Interface endpoints')
    endpoint.routeTableIds = [...new Set(input.RouteTableIds ?? [])]
  }
  collections.vpcEndpoints.put(scopeOf(ctx), endpoint.vpcEndpointId, endpoint)
  auditVpcEndpoint(ctx, endpoint.vpcEndpointId)
  // Interface endpoints start `pending` and become `available`; gateway endpoints are available at once.
  return { VpcEndpoint: vpcEndpointOutput(ctx, endpoint, type === 'Interface' ? 'pending' : 'available'), ClientToken: input.ClientToken }
}

export const createVpcEndpointHandlers = { CreateVpcEndpoint: createVpcEndpoint }
