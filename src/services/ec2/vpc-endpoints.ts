//! DescribeVpcEndpoints and DeleteVpcEndpoints (Amazon EC2 API Reference). Deleting is per id: ids that cannot be
//! deleted come back in `Unsuccessful` and the others are deleted anyway.
import type { CallContext } from '../../dispatch/index.js'
import type { VpcEndpointRecord } from '../../store/index.js'
import { dryRunOperation, ID_KINDS } from './errors.js'
import { checkFilterNames, matchesFilters, type Filter } from './filters.js'
import { isEc2Id } from './ids.js'
import { pageOf } from './paging.js'
import { ec2Collections, resolveIds, scopeOf } from './records.js'
import { auditVpcEndpoint, vpcEndpointOutput } from './vpc-endpoint-output.js'

interface DescribeVpcEndpointsInput {
  VpcEndpointIds?: string[]
  Filters?: Filter[]
  MaxResults?: number
  NextToken?: string
  DryRun?: boolean
}

interface DeleteVpcEndpointsInput {
  VpcEndpointIds: string[]
  DryRun?: boolean
}

const ENDPOINT_FILTERS = (endpoint?: VpcEndpointRecord) => ({
  'service-name': endpoint?.serviceName,
  'vpc-id': endpoint?.vpcId,
  'vpc-endpoint-id': endpoint?.vpcEndpointId,
  'vpc-endpoint-type': endpoint?.vpcEndpointType,
  'vpc-endpoint-state': endpoint?.state,
  'ip-address-type': endpoint && (endpoint.vpcEndpointType === 'Interface' ? 'ipv4' : undefined),
})

function describeVpcEndpoints(input: DescribeVpcEndpointsInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  checkFilterNames(input.Filters, ENDPOINT_FILTERS(), 'InvalidFilter')
  const endpoints = ec2Collections(ctx).vpcEndpoints
  const selected = input.VpcEndpointIds?.length
    ? resolveIds(ID_KINDS.vpcEndpoint, input.VpcEndpointIds, (id) => endpoints.get(scopeOf(ctx), id))
    : endpoints.list(scopeOf(ctx))
  const matching = selected.filter((endpoint) => matchesFilters(input.Filters, ENDPOINT_FILTERS(endpoint), endpoint.tags, 'InvalidFilter'))
  const page = pageOf(matching, input, (endpoint) => endpoint.vpcEndpointId)
  return { VpcEndpoints: page.items.map((endpoint) => vpcEndpointOutput(ctx, endpoint)), NextToken: page.NextToken }
}

function deleteVpcEndpoints(input: DeleteVpcEndpointsInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  const endpoints = ec2Collections(ctx).vpcEndpoints
  const unsuccessful: Array<{ Error: { Code: string; Message: string }; ResourceId: string }> = []
  for (const id of new Set(input.VpcEndpointIds)) {
    if (!isEc2Id('vpce', id)) {
      unsuccessful.push({ Error: { Code: 'InvalidVpcEndpointId.Malformed', Message: `The Vpc Endpoint Id '${id}' is malformed` }, ResourceId: id })
    } else if (!endpoints.delete(scopeOf(ctx), id)) {
      unsuccessful.push({ Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: `The VPC endpoint '${id}' does not exist` }, ResourceId: id })
    } else {
      auditVpcEndpoint(ctx, id)
    }
  }
  return { Unsuccessful: unsuccessful }
}

export const vpcEndpointHandlers = {
  DescribeVpcEndpoints: describeVpcEndpoints,
  DeleteVpcEndpoints: deleteVpcEndpoints,
}
