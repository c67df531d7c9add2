//! CloudWatch Logs ARNs and the log-group reference an operation names (logGroupName or logGroupIdentifier).
import { parseArn } from '../../aws/index.js'
import { logGroupNameOrIdentifier, logGroupNotFound } from './errors.js'

/** Where a log group lives; a logGroupIdentifier ARN may name another account or Region. */
export interface LogGroupRef {
  account: string
  region: string
  name: string
}

/** `arn:aws:logs:<region>:<account>:log-group:<name>`: DescribeLogGroups' logGroupArn, the tagging APIs' resourceArn. */
export function logGroupArn(ref: LogGroupRef): string {
  return `arn:aws:logs:${ref.region}:${ref.account}:log-group:${ref.name}`
}

/** The same with a trailing `:*`: DescribeLogGroups' `arn`, "the version to use in IAM policies for most actions". */
export function logGroupWildcardArn(ref: LogGroupRef): string {
  return `${logGroupArn(ref)}:*`
}

export function logStreamArn(ref: LogGroupRef, logStreamName: string): string {
  return `${logGroupArn(ref)}:log-stream:${logStreamName}`
}

/**
 * The resource IAM evaluates for actions on a whole log group: the group's ARN with an empty stream, as AWS's
 * denials print it ("…not authorized to perform: logs:DescribeMetricFilters on resource:
 * arn:aws:logs:eu-west-1:…:log-group:CloudTrail/DefaultLogGroup:log-stream:"). That is why policies name
 * `log-group:<name>:*` rather than `log-group:<name>` for these actions.
 */
export function logGroupActionResource(ref: LogGroupRef): string {
  return `${logGroupArn(ref)}:log-stream:`
}

/** Actions on no particular group (DescribeLogGroups) evaluate `log-group::log-stream:`, as AWS's denials show. */
export function accountActionResource(account: string, region: string): string {
  return `arn:aws:logs:${region}:${account}:log-group::log-stream:`
}

interface GroupNaming {
  logGroupName?: string
  logGroupIdentifier?: string
}

/**
 * The group an operation names: exactly one of logGroupName and logGroupIdentifier (a name, or an ARN with or
 * without the trailing `:*`), as GetLogEvents, DescribeLogStreams and FilterLogEvents require.
 */
export function namedLogGroup(input: GroupNaming, account: string, region: string): LogGroupRef {
  const { logGroupName, logGroupIdentifier } = input
  if ((logGroupName === undefined) === (logGroupIdentifier === undefined)) throw logGroupNameOrIdentifier()
  if (logGroupName !== undefined) return { account, region, name: logGroupName }
  return logGroupIdentifierRef(logGroupIdentifier!, account, region)
}

export function logGroupIdentifierRef(identifier: string, account: string, region: string): LogGroupRef {
  if (!identifier.startsWith('arn:')) return { account, region, name: identifier }
  const arn = parseArn(identifier)
  const match = arn && arn.service === 'logs' ? /^log-group:([^:]+)(:\*)?$/.exec(arn.resource) : null
  if (!arn || !match) throw logGroupNotFound()
  return { account: arn.account, region: arn.region, name: match[1]! }
}

/** A tagging call's resourceArn as a log group; anything else (destinations, other accounts) is undefined. */
export function taggedLogGroupRef(resourceArn: string): LogGroupRef | undefined {
  const arn = parseArn(resourceArn)
  if (!arn || arn.service !== 'logs') return undefined
  const match = /^log-group:([^:]+)(:\*)?$/.exec(arn.resource)
  return match ? { account: arn.account, region: arn.region, name: match[1]! } : undefined
}
