//! What each CloudWatch Logs operation asks of IAM (Service Authorization Reference, "Actions, resources, and
//! condition keys for Amazon CloudWatch Logs"): the action, the resource AWS evaluates, and tag condition keys.
//! Log-stream actions (CreateLogStream, PutLogEvents, GetLogEvents, DeleteLogStream) name the stream's ARN;
//! log-group actions name `log-group:<name>:log-stream:` (see arns.ts); the tagging APIs name the group ARN
//! without `:*`, as the LogGroup `logGroupArn` documentation says.
import type { AuthorizationDeclaration, AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import {
  accountActionResource,
  logGroupActionResource,
  logStreamArn,
  namedLogGroup,
  taggedLogGroupRef,
  type LogGroupRef,
} from './arns.js'
import { findLogGroup, ownRef } from './records.js'
import { resourceTagContext, tagConditionContext, tagKeysContext, type ConditionContext } from './tag-conditions.js'

type Input = Record<string, any>

function requirement(action: string, resource: string, ...contexts: ConditionContext[]): AuthorizationRequirement {
  return { action: `logs:${action}`, resource, context: Object.assign({}, ...contexts) }
}

function groupTags(ctx: CallContext, ref: LogGroupRef | undefined): ConditionContext {
  return ref ? resourceTagContext(findLogGroup(ctx, ref)?.tags) : {}
}

/** An action on the log group named by logGroupName. */
function onGroup(action: string): AuthorizationDeclaration<Input> {
  return (input, ctx) => {
    const ref = ownRef(ctx, input.logGroupName)
    return [requirement(action, logGroupActionResource(ref), groupTags(ctx, ref))]
  }
}

/** An action on the log group named by logGroupName or logGroupIdentifier (exactly one, else InvalidParameterException). */
function onNamedGroup(action: string): AuthorizationDeclaration<Input> {
  return (input, ctx) => {
    const ref = namedLogGroup(input, ctx.accountId, ctx.region)
    return [requirement(action, logGroupActionResource(ref), groupTags(ctx, ref))]
  }
}

function onStream(action: string, named = false): AuthorizationDeclaration<Input> {
  return (input, ctx) => {
    const ref = named ? namedLogGroup(input, ctx.accountId, ctx.region) : ownRef(ctx, input.logGroupName)
    return [requirement(action, logStreamArn(ref, input.logStreamName), groupTags(ctx, ref))]
  }
}

/** The tagging APIs are authorized on the ARN exactly as given. */
function onTaggedResource(action: string, request: (input: Input) => ConditionContext): AuthorizationDeclaration<Input> {
  return (input, ctx) => [requirement(action, input.resourceArn, groupTags(ctx, taggedLogGroupRef(input.resourceArn)), request(input))]
}

export const LOGS_AUTHORIZATION: Record<string, AuthorizationDeclaration<Input>> = {
  CreateLogGroup: (input, ctx) => {
    const ref = ownRef(ctx, input.logGroupName)
    return [requirement('CreateLogGroup', logGroupActionResource(ref), input.tags ? tagConditionContext(input.tags) : {})]
  },
  DeleteLogGroup: onGroup('DeleteLogGroup'),
  DescribeLogGroups: (_input, ctx) => [requirement('DescribeLogGroups', accountActionResource(ctx.accountId, ctx.region))],
  PutRetentionPolicy: onGroup('PutRetentionPolicy'),
  DeleteRetentionPolicy: onGroup('DeleteRetentionPolicy'),
  CreateLogStream: onStream('CreateLogStream'),
  DeleteLogStream: onStream('DeleteLogStream'),
  DescribeLogStreams: onNamedGroup('DescribeLogStreams'),
  PutLogEvents: onStream('PutLogEvents'),
  GetLogEvents: onStream('GetLogEvents', true),
  FilterLogEvents: onNamedGroup('FilterLogEvents'),
  TagResource: onTaggedResource('TagResource', (input) => tagConditionContext(input.tags)),
  UntagResource: onTaggedResource('UntagResource', (input) => tagKeysContext(input.tagKeys)),
  ListTagsForResource: onTaggedResource('ListTagsForResource', () => ({})),
  TagLogGroup: (input, ctx) => {
    const ref = ownRef(ctx, input.logGroupName)
    return [requirement('TagLogGroup', logGroupActionResource(ref), groupTags(ctx, ref), tagConditionContext(input.tags))]
  },
  UntagLogGroup: (input, ctx) => {
    const ref = ownRef(ctx, input.logGroupName)
    return [requirement('UntagLogGroup', logGroupActionResource(ref), groupTags(ctx, ref), tagKeysContext(input.tags))]
  },
  ListTagsLogGroup: onGroup('ListTagsLogGroup'),
}
