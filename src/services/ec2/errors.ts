//! EC2's client errors for the networking subset, with EC2's codes ("Error codes for the Amazon EC2 API") and the
//! messages EC2 prints (e.g. "The vpc ID 'vpc-0123…' does not exist"). All HTTP 400 except DryRunOperation (412).
import { AwsError } from '../../aws/index.js'

/** Which resource an id names, with EC2's (inconsistently cased) codes for it. */
export interface IdKind {
  prefix: string
  /** How NotFound messages name it: "The vpc ID 'vpc-…' does not exist". */
  noun: string
  notFound: string
  malformed: string
}

export const ID_KINDS = {
  vpc: { prefix: 'vpc', noun: 'vpc ID', notFound: 'InvalidVpcID.NotFound', malformed: 'InvalidVpcID.Malformed' },
  subnet: { prefix: 'subnet', noun: 'subnet ID', notFound: 'InvalidSubnetID.NotFound', malformed: 'InvalidSubnetID.Malformed' },
  vpcEndpoint: { prefix: 'vpce', noun: 'Vpc Endpoint Id', notFound: 'InvalidVpcEndpointId.NotFound', malformed: 'InvalidVpcEndpointId.Malformed' },
  securityGroup: { prefix: 'sg', noun: 'security group', notFound: 'InvalidGroup.NotFound', malformed: 'InvalidGroupId.Malformed' },
} as const satisfies Record<string, IdKind>

/** "The vpc ID 'vpc-0123456789abcdef0' does not exist" */
export function notFound(kind: IdKind, id: string): AwsError {
  return new AwsError(kind.notFound, `The ${kind.noun} '${id}' does not exist`)
}

/** `Invalid id: "vpc-nope" (expecting "vpc-...")` */
export function malformedId(kind: IdKind, id: string): AwsError {
  return new AwsError(kind.malformed, `Invalid id: "${id}" (expecting "${kind.prefix}-...")`)
}

/** "The vpc 'vpc-…' has dependencies and cannot be deleted." */
export function hasDependencies(noun: 'vpc' | 'subnet', id: string): AwsError {
  return new AwsError('DependencyViolation', `The ${noun} '${id}' has dependencies and cannot be deleted.`)
}

/** DeleteSecurityGroup of a group a VPC endpoint still uses. */
export function groupHasDependents(groupId: string): AwsError {
  return new AwsError('DependencyViolation', `resource ${groupId} has a dependent object`)
}

export function missingParameter(message: string): AwsError {
  return new AwsError('MissingParameter', message)
}

export function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValue', message)
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameter', message)
}

/** "Value (10.0.0.0/33) for parameter cidrBlock is invalid. This is not a valid CIDR block." */
export function invalidCidr(value: string): AwsError {
  return invalidParameterValue(`Value (${value}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`)
}

/** A VPC block outside /16../28: "The CIDR '10.0.0.0/8' is invalid." */
export function invalidVpcRange(cidr: string): AwsError {
  return new AwsError('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`)
}

/** A subnet block outside /16../28 or outside its VPC's block. */
export function invalidSubnetRange(cidr: string): AwsError {
  return new AwsError('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`)
}

export function subnetConflict(cidr: string): AwsError {
  return new AwsError('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`)
}

export function invalidAvailabilityZone(zone: string, zones: string[]): AwsError {
  return invalidParameterValue(
    `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zones.join(', ')}.`,
  )
}

/** "The Vpc Endpoint Service 'com.amazonaws.us-east-1.nope' does not exist" */
export function serviceNotFound(serviceName: string): AwsError {
  return new AwsError('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' does not exist`)
}

/** "The Vpc Endpoint Service 'com.amazonaws.us-east-1.ec2' does not support the endpoint type 'Gateway'." */
export function endpointTypeNotSupported(serviceName: string, type: string): AwsError {
  return new AwsError('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' does not support the endpoint type '${type}'.`)
}

/** Error codes doc: "For an interface VPC endpoint, you can specify only one subnet per Availability Zone." */
export function duplicateSubnetsInSameZone(subnetId: string): AwsError {
  return new AwsError(
    'DuplicateSubnetsInSameZone',
    `Found another VPC endpoint subnet in the availability zone of ${subnetId}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`,
  )
}

/** A second private-DNS interface endpoint for the same service in one VPC. */
export function privateDnsConflict(dnsName: string, vpcId: string): AwsError {
  return invalidParameter(`private-dns-enabled cannot be set because there is already a conflicting DNS domain for ${dnsName} in the VPC ${vpcId}`)
}

export function invalidFilter(name: string, code: 'InvalidParameterValue' | 'InvalidFilter'): AwsError {
  return new AwsError(code, `The filter '${name}' is invalid`)
}

export function invalidPaginationToken(token: string): AwsError {
  return new AwsError('InvalidPaginationToken', `Invalid pagination token: ${token}`)
}

/** "The security group 'web' already exists for VPC 'vpc-…'" */
export function groupDuplicate(name: string, vpcId: string): AwsError {
  return new AwsError('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`)
}

export function groupReserved(): AwsError {
  return new AwsError('InvalidGroup.Reserved', "The security group 'default' is reserved")
}

/** 'the specified group: "sg-…" name: "default" cannot be deleted by a user' */
export function cannotDeleteDefaultGroup(groupId: string): AwsError {
  return new AwsError('CannotDelete', `the specified group: "${groupId}" name: "default" cannot be deleted by a user`)
}

/** A call that falls back to the default VPC (CreateSecurityGroup without VpcId) after the user deleted it. */
export function noDefaultVpc(): AwsError {
  return new AwsError('VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.')
}

/** GroupNames / GroupName are looked up in the default VPC: "… does not exist in default VPC 'vpc-…'" ('none' without one). */
export function groupNotInDefaultVpc(name: string, vpcId: string | undefined): AwsError {
  return new AwsError('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${vpcId ?? 'none'}'`)
}

/** DryRun=true on a call that is permitted. */
export function dryRunOperation(): AwsError {
  return new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', { status: 412 })
}
