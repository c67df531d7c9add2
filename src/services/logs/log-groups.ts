//! Log groups: CreateLogGroup, DeleteLogGroup, DescribeLogGroups, PutRetentionPolicy, DeleteRetentionPolicy
//! (CloudWatch Logs API Reference).
import type { CallContext } from '../../dispatch/index.js'
import { logGroupActionResource, logGroupArn, logGroupIdentifierRef, logGroupWildcardArn, type LogGroupRef } from './arns.js'
import {
  constraintViolation,
  deletionProtected,
  invalidParameter,
  logGroupAlreadyExists,
  notAuthorizedToTag,
  reservedLogGroupName,
} from './errors.js'
import { compareText, pageOf } from './paging.js'
import {
  findLogGroup,
  logGroups,
  logStreamKeyPrefix,
  logStreams,
  logsScope,
  ownRef,
  requireLogGroup,
  type LogGroupRecord,
} from './records.js'
import { tagConditionContext } from './tag-conditions.js'

/** PutRetentionPolicy's allowed values (API Reference, retentionInDays). */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const

interface CreateLogGroupInput {
  logGroupName: string
  kmsKeyId?: string
  tags?: Record<string, string>
  logGroupClass?: LogGroupRecord['logGroupClass']
  deletionProtectionEnabled?: boolean
}

interface DescribeLogGroupsInput {
  logGroupNamePrefix?: string
  logGroupNamePattern?: string
  logGroupClass?: LogGroupRecord['logGroupClass']
  logGroupIdentifiers?: string[]
  nextToken?: string
  limit?: number
}

export function auditLogGroup(ctx: CallContext, ref: LogGroupRef): void {
  ctx.audit.resources.push({ ARN: logGroupArn(ref), type: 'AWS::Logs::LogGroup', name: ref.name })
}

/** The LogGroup structure; a logGroupNamePattern search returns only arn, creationTime and logGroupName. */
export function logGroupOutput(ref: LogGroupRef, group: LogGroupRecord, brief = false) {
  if (brief) return { logGroupName: group.logGroupName, creationTime: group.creationTime, arn: logGroupWildcardArn(ref) }
  return {
    logGroupName: group.logGroupName,
    creationTime: group.creationTime,
    retentionInDays: group.retentionInDays,
    metricFilterCount: 0,
    arn: logGroupWildcardArn(ref),
    storedBytes: group.storedBytes,
    kmsKeyId: group.kmsKeyId,
    logGroupClass: group.logGroupClass,
    logGroupArn: logGroupArn(ref),
    deletionProtectionEnabled: group.deletionProtectionEnabled,
  }
}

function createLogGroup(input: CreateLogGroupInput, ctx: CallContext) {
  const ref = ownRef(ctx, input.logGroupName)
  // "Log group names can't start with the string aws/" (CreateLogGroup); AWS compares without regard to case.
  if (input.logGroupName.toLowerCase().startsWith('aws/')) throw reservedLogGroupName()
  if (findLogGroup(ctx, ref)) throw logGroupAlreadyExists()
  const tags = input.tags ?? {}
  if (Object.keys(tags).length > 0) checkMayTag(ctx, ref, tags)
  const group: LogGroupRecord = {
    logGroupName: input.logGroupName,
    creationTime: ctx.now.getTime(),
    kmsKeyId: input.kmsKeyId,
    logGroupClass: input.logGroupClass ?? 'STANDARD',
    deletionProtectionEnabled: input.deletionProtectionEnabled ?? false,
    tags,
    storedBytes: 0,
  }
  logGroups(ctx).insert(logsScope(ref), ref.name, group)
  auditLogGroup(ctx, ref)
  return {}
}

/** "To assign tags when you create a log group, you must have either the logs:TagResource or logs:TagLogGroup permission." */
function checkMayTag(ctx: CallContext, ref: LogGroupRef, tags: Record<string, string>): void {
  const context = tagConditionContext(tags)
  const viaTagResource = ctx.check({ action: 'logs:TagResource', resource: logGroupArn(ref), context })
  if (viaTagResource.permitted) return
  const viaTagLogGroup = ctx.check({ action: 'logs:TagLogGroup', resource: logGroupActionResource(ref), context })
  if (!viaTagLogGroup.permitted) throw notAuthorizedToTag(ctx.accountId)
}

function deleteLogGroup(input: { logGroupName: string }, ctx: CallContext) {
  const ref = ownRef(ctx, input.logGroupName)
  const group = requireLogGroup(ctx, ref)
  if (group.deletionProtectionEnabled) throw deletionProtected(group.logGroupName)
  const scope = logsScope(ref)
  const streams = logStreams(ctx)
  const prefix = logStreamKeyPrefix(ref.name)
  for (const stream of streams.list(scope, { prefix })) streams.delete(scope, prefix + stream.logStreamName)
  ctx.store.logEvents.deleteGroup(scope, ref.name)
  logGroups(ctx).delete(scope, ref.name)
  auditLogGroup(ctx, ref)
  return {}
}

function describeLogGroups(input: DescribeLogGroupsInput, ctx: CallContext) {
  if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.')
  }
  const scope = logsScope(ownRef(ctx, ''))
  let groups = logGroups(ctx).list(scope, { prefix: input.logGroupNamePrefix })
  if (input.logGroupIdentifiers) {
    // Names, or ARNs of groups in this account and Region (no cross-account observability here).
    const wanted = new Set(
      input.logGroupIdentifiers
        .map((identifier) => safeRef(identifier, ctx))
        .filter((ref) => ref && ref.account === ctx.accountId && ref.region === ctx.region)
        .map((ref) => ref!.name),
    )
    groups = groups.filter((group) => wanted.has(group.logGroupName))
  }
  const pattern = input.logGroupNamePattern
  // "a case-sensitive substring search" (DescribeLogGroups, logGroupNamePattern).
  if (pattern) groups = groups.filter((group) => group.logGroupName.includes(pattern))
  if (input.logGroupClass) groups = groups.filter((group) => group.logGroupClass === input.logGroupClass)
  const page = pageOf(groups, input, (group) => group.logGroupName, compareText)
  return {
    logGroups: page.items.map((group) => logGroupOutput(ownRef(ctx, group.logGroupName), group, pattern !== undefined)),
    nextToken: page.nextToken,
  }
}

function safeRef(identifier: string, ctx: CallContext): LogGroupRef | undefined {
  try {
    return logGroupIdentifierRef(identifier, ctx.accountId, ctx.region)
  } catch {
    return undefined
  }
}

function putRetentionPolicy(input: { logGroupName: string; retentionInDays: number }, ctx: CallContext) {
  if (!(RETENTION_DAYS as readonly number[]).includes(input.retentionInDays)) {
    throw constraintViolation('retentionInDays', input.retentionInDays, `Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`)
  }
  const ref = ownRef(ctx, input.logGroupName)
  const group = requireLogGroup(ctx, ref)
  logGroups(ctx).put(logsScope(ref), ref.name, { ...group, retentionInDays: input.retentionInDays })
  auditLogGroup(ctx, ref)
  return {}
}

function deleteRetentionPolicy(input: { logGroupName: string }, ctx: CallContext) {
  const ref = ownRef(ctx, input.logGroupName)
  const { retentionInDays: _dropped, ...group } = requireLogGroup(ctx, ref)
  logGroups(ctx).put(logsScope(ref), ref.name, group)
  auditLogGroup(ctx, ref)
  return {}
}

export const logGroupHandlers = {
  CreateLogGroup: createLogGroup,
  DeleteLogGroup: deleteLogGroup,
  DescribeLogGroups: describeLogGroups,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
}
