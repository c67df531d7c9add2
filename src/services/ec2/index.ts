//! The EC2 networking subset ECS tasks live in: VPCs, subnets, VPC endpoints and (minimal) security groups.
//! Tasks placed in a subnet get the VPC's aws:SourceVpc / aws:SourceVpce on their agent's calls.
import type { OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { EC2_AUTHORIZATION } from './authorization.js'
import { createVpcEndpointHandlers } from './create-vpc-endpoint.js'
import { withDefaultVpc } from './default-vpc.js'
import { securityGroupHandlers } from './security-groups.js'
import { subnetHandlers } from './subnets.js'
import { UNAUTHORIZED_OPERATION, unauthorizedOperationMessage } from './unauthorized-operation.js'
import { vpcEndpointHandlers } from './vpc-endpoints.js'
import { vpcHandlers } from './vpcs.js'

export { unauthorizedOperationMessage, encodeAuthorizationFailure } from './unauthorized-operation.js'

const handlers = {
  ...vpcHandlers,
  ...subnetHandlers,
  ...createVpcEndpointHandlers,
  ...vpcEndpointHandlers,
  ...securityGroupHandlers,
} as Record<string, OperationDefinition['handler']>

/** Every handler sees the account's default VPC, created on its first EC2 call in the Region. */
export const EC2_HANDLERS: Record<string, OperationDefinition['handler']> = Object.fromEntries(
  Object.entries(handlers).map(([name, handler]) => [name, withDefaultVpc(handler)]),
)

function operations(): Record<string, OperationDefinition> {
  const table: Record<string, OperationDefinition> = {}
  for (const [name, handler] of Object.entries(EC2_HANDLERS)) {
    const authorization = EC2_AUTHORIZATION[name]
    // INVARIANT: every operation declares its authorization (STYLE.md rule 6); authorization.test.ts pins it too.
    if (!authorization) throw new Error(`ec2:${name} has no authorization entry`)
    // Authorization runs first and reads tags of the resources named, the default VPC's included.
    table[name] = { authorization: withDefaultVpc(authorization), handler }
  }
  return table
}

export const ec2Service: ServiceDefinition = {
  service: 'ec2',
  eventSource: 'ec2.amazonaws.com',
  // EC2 answers 403 UnauthorizedOperation: "You are not authorized to perform this operation. User: …".
  accessDenied: { ...UNAUTHORIZED_OPERATION, message: unauthorizedOperationMessage },
  operations: operations(),
}
