//! DescribeParameters (SSM API Reference): parameter metadata, never values, with the legacy Filters or the
//! newer ParameterFilters (not both), and paging.
import type { CallContext } from '../../dispatch/index.js'
import { invalidNextToken, validation } from './errors.js'
import { checkFilters, matchesFilters, type ParameterStringFilter } from './parameter-filters.js'
import { latestVersion, parameterCollection, parameterScope } from './parameter-records.js'

export interface DescribeParametersInput {
  Filters?: Array<{ Key: string; Values: string[] }>
  ParameterFilters?: ParameterStringFilter[]
  MaxResults?: number
  NextToken?: string
  Shared?: boolean
}

export function describeParameters(input: DescribeParametersInput, ctx: CallContext) {
  if (input.Filters?.length && input.ParameterFilters?.length) throw validation('You can use either Filters or ParameterFilters in a single request.')
  // The legacy Filters (Name, Type, KeyId) behave as ParameterFilters with Equals, Name matching by prefix.
  const filters: ParameterStringFilter[] =
    input.ParameterFilters ??
    (input.Filters ?? []).map((filter) => ({ Key: filter.Key, Option: filter.Key === 'Name' ? 'BeginsWith' : undefined, Values: filter.Values }))
  checkFilters(filters, 'describe')
  const matching = input.Shared
    ? []
    : parameterCollection(ctx.store)
        .list(parameterScope(ctx.accountId, ctx.region))
        .filter((parameter) => matchesFilters(parameter, filters))
  const start = input.NextToken === undefined ? 0 : Number.parseInt(Buffer.from(input.NextToken, 'base64url').toString('utf8'), 10)
  if (!Number.isInteger(start) || start < 0 || start > matching.length) throw invalidNextToken()
  const max = input.MaxResults ?? 50
  return {
    Parameters: matching.slice(start, start + max).map((parameter) => {
      const version = latestVersion(parameter)
      return {
        Name: parameter.name,
        ARN: parameter.arn,
        Type: version.type,
        KeyId: version.keyId,
        LastModifiedDate: version.lastModifiedDate,
        LastModifiedUser: version.lastModifiedUser,
        Description: version.description,
        AllowedPattern: version.allowedPattern,
        Version: version.version,
        Tier: version.tier,
        Policies: [],
        DataType: version.dataType,
      }
    }),
    NextToken: start + max < matching.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
  }
}
