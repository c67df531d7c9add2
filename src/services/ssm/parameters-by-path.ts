//! GetParametersByPath (SSM API Reference): the parameters directly under a path, or all below it with
//! Recursive, ten at a time. It is authorized on the path, not on each parameter it returns (Systems Manager
//! User Guide, "How Parameter Store authorizes parameter retrieval").
import type { CallContext } from '../../dispatch/index.js'
import { invalidNextToken, validation } from './errors.js'
import { checkFilters, matchesFilters, underPath, type ParameterStringFilter } from './parameter-filters.js'
import { latestVersion, parameterCollection, parameterScope } from './parameter-records.js'
import { versionValue } from './get-parameters.js'

export interface ByPathInput {
  Path: string
  Recursive?: boolean
  ParameterFilters?: ParameterStringFilter[]
  WithDecryption?: boolean
  MaxResults?: number
  NextToken?: string
}

export function checkPath(path: string): void {
  if (!path.startsWith('/')) throw validation('The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/".')
}

export function getParametersByPath(input: ByPathInput, ctx: CallContext) {
  checkPath(input.Path)
  const filters = input.ParameterFilters ?? []
  checkFilters(filters, 'byPath')
  const matching = parameterCollection(ctx.store)
    .list(parameterScope(ctx.accountId, ctx.region))
    .filter((parameter) => underPath(parameter.name.startsWith('/') ? parameter.name : `/${parameter.name}`, input.Path, input.Recursive === true))
    .filter((parameter) => matchesFilters(parameter, filters))
  const start = input.NextToken === undefined ? 0 : Number.parseInt(Buffer.from(input.NextToken, 'base64url').toString('utf8'), 10)
  if (!Number.isInteger(start) || start < 0 || start > matching.length) throw invalidNextToken()
  const max = input.MaxResults ?? 10
  const page = matching.slice(start, start + max)
  ctx.audit.responseElements = null
  return {
    Parameters: page.map((parameter) => {
      const version = latestVersion(parameter)
      return {
        Name: parameter.name,
        Type: version.type,
        Value: versionValue(ctx, parameter, version, input.WithDecryption),
        Version: version.version,
        LastModifiedDate: version.lastModifiedDate,
        ARN: parameter.arn,
        DataType: version.dataType,
      }
    }),
    NextToken: start + max < matching.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
  }
}
