//! What every IAM operation asks of the caller's policies: its action, its resource ARN and its condition keys
//! (Service Authorization Reference, "Actions, resources, and condition keys for AWS Identity and Access
//! Management"). List operations without a resource type are checked against the collection, as AWS prints it
//! in denials ("… iam:ListRoles on resource: arn:aws:iam::111122223333:role/").
import type { AuthorizationDeclaration, AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import { awsManagedPolicy } from '../../aws/index.js'
import { entityKey, type GroupRecord, type RoleRecord, type Tag, type UserRecord } from '../../store/index.js'
import { accessKeys, groups, policies, roles, users } from './entities.js'
import { entityArn, parsePolicyArn } from './names.js'
import { requestTagContext, resourceTagContext } from './tags.js'

type Input = Record<string, any>
type Context = Record<string, string | string[]>

function needs(action: string, resource: string, context: Context = {}): AuthorizationRequirement {
  return { action: `iam:${action}`, resource, context: context as AuthorizationRequirement['context'] }
}

/** AWS managed policies (account "aws") are readable and attachable from every account, as if its own. */
function onPolicyArn(ctx: CallContext, requirement: AuthorizationRequirement): AuthorizationRequirement {
  return requirement.resource.startsWith('arn:aws:iam::aws:') ? { ...requirement, resourceAccount: ctx.accountId } : requirement
}

/** An existing role's ARN (with its path), its tags and its boundary; a missing role is named role/<name>. */
function roleResource(ctx: CallContext, name: string | undefined): { arn: string; context: Context; record?: RoleRecord } {
  const record = name === undefined ? undefined : roles(ctx).get(ctx.accountId, entityKey(name))
  const context: Context = { ...resourceTagContext(record?.tags) }
  if (record?.permissionsBoundaryArn) context['iam:PermissionsBoundary'] = record.permissionsBoundaryArn
  return { arn: record?.arn ?? entityArn(ctx.accountId, 'role', '/', name ?? ''), context, record }
}

/** The named user, else the caller itself (operations whose UserName is optional). */
function userResource(ctx: CallContext, name: string | undefined): { arn: string; context: Context; record?: UserRecord } {
  if (name === undefined) {
    if (ctx.principal.type === 'IAMUser') name = ctx.principal.userName
    else return { arn: ctx.principal.type === 'AWSService' ? '*' : ctx.principal.arn, context: {} }
  }
  const record = users(ctx).get(ctx.accountId, entityKey(name))
  const context: Context = { ...resourceTagContext(record?.tags) }
  if (record?.permissionsBoundaryArn) context['iam:PermissionsBoundary'] = record.permissionsBoundaryArn
  return { arn: record?.arn ?? entityArn(ctx.accountId, 'user', '/', name), context, record }
}

function groupArn(ctx: CallContext, name: string): string {
  const record: GroupRecord | undefined = groups(ctx).get(ctx.accountId, entityKey(name))
  return record?.arn ?? entityArn(ctx.accountId, 'group', '/', name)
}

/** A policy ARN with the customer managed policy's tags; a malformed ARN is checked as given (the handler rejects it). */
function policyResource(ctx: CallContext, arn: string): { arn: string; context: Context } {
  let tags: Tag[] | undefined
  try {
    const parts = parsePolicyArn(arn)
    if (parts.account === ctx.accountId) tags = policies(ctx).get(ctx.accountId, entityKey(parts.name))?.tags
    else if (awsManagedPolicy(arn)) tags = []
  } catch {
    tags = undefined
  }
  return { arn, context: resourceTagContext(tags) }
}

const onRole = (action: string, extra: (input: Input) => Context = () => ({})): AuthorizationDeclaration<Input> => (input, ctx) => {
  const role = roleResource(ctx, input.RoleName)
  return [needs(action, role.arn, { ...role.context, ...extra(input) })]
}
const onUser = (action: string, extra: (input: Input) => Context = () => ({})): AuthorizationDeclaration<Input> => (input, ctx) => {
  const user = userResource(ctx, input.UserName)
  return [needs(action, user.arn, { ...user.context, ...extra(input) })]
}
const onGroup = (action: string, extra: (input: Input) => Context = () => ({})): AuthorizationDeclaration<Input> => (input, ctx) => [
  needs(action, groupArn(ctx, input.GroupName), extra(input)),
]
const onPolicy = (action: string): AuthorizationDeclaration<Input> => (input, ctx) => {
  const policy = policyResource(ctx, input.PolicyArn)
  return [onPolicyArn(ctx, needs(action, policy.arn, policy.context))]
}
const onCollection = (action: string, kind: 'role' | 'user' | 'group'): AuthorizationDeclaration<Input> => (input, ctx) => [
  needs(action, `arn:aws:iam::${ctx.accountId}:${kind}${input.PathPrefix ?? '/'}`),
]
const onNothing = (action: string): AuthorizationDeclaration<Input> => () => [needs(action, '*')]

const policyArnKey = (input: Input): Context => ({ 'iam:PolicyARN': input.PolicyArn })
const tagKeys = (input: Input): Context => ({ 'aws:TagKeys': input.TagKeys ?? [] })
const newBoundary = (input: Input): Context => (input.PermissionsBoundary ? { 'iam:PermissionsBoundary': input.PermissionsBoundary } : {})

/** Creating with tags also needs the Tag* permission (IAM User Guide, "Permissions required to tag IAM entities"). */
function withTagging(requirement: AuthorizationRequirement, tagAction: string, tags: Tag[] | undefined): AuthorizationRequirement[] {
  if (!tags?.length) return [requirement]
  return [requirement, { ...requirement, action: `iam:${tagAction}` }]
}

export const iamAuthorization: Record<string, AuthorizationDeclaration<Input>> = {
  // Roles
  CreateRole: (input, ctx) =>
    withTagging(
      needs('CreateRole', entityArn(ctx.accountId, 'role', input.Path ?? '/', input.RoleName), { ...newBoundary(input), ...requestTagContext(input.Tags) }),
      'TagRole',
      input.Tags,
    ),
  GetRole: onRole('GetRole'),
  ListRoles: onCollection('ListRoles', 'role'),
  UpdateRole: onRole('UpdateRole'),
  UpdateRoleDescription: onRole('UpdateRoleDescription'),
  UpdateAssumeRolePolicy: onRole('UpdateAssumeRolePolicy'),
  DeleteRole: onRole('DeleteRole'),
  TagRole: onRole('TagRole', (input) => requestTagContext(input.Tags)),
  UntagRole: onRole('UntagRole', tagKeys),
  ListRoleTags: onRole('ListRoleTags'),
  PutRolePermissionsBoundary: onRole('PutRolePermissionsBoundary', newBoundary),
  DeleteRolePermissionsBoundary: onRole('DeleteRolePermissionsBoundary'),
  PutRolePolicy: onRole('PutRolePolicy'),
  GetRolePolicy: onRole('GetRolePolicy'),
  ListRolePolicies: onRole('ListRolePolicies'),
  DeleteRolePolicy: onRole('DeleteRolePolicy'),
  AttachRolePolicy: onRole('AttachRolePolicy', policyArnKey),
  DetachRolePolicy: onRole('DetachRolePolicy', policyArnKey),
  ListAttachedRolePolicies: onRole('ListAttachedRolePolicies'),
  // Users
  CreateUser: (input, ctx) =>
    withTagging(
      needs('CreateUser', entityArn(ctx.accountId, 'user', input.Path ?? '/', input.UserName), { ...newBoundary(input), ...requestTagContext(input.Tags) }),
      'TagUser',
      input.Tags,
    ),
  GetUser: onUser('GetUser'),
  ListUsers: onCollection('ListUsers', 'user'),
  UpdateUser: onUser('UpdateUser'),
  DeleteUser: onUser('DeleteUser'),
  TagUser: onUser('TagUser', (input) => requestTagContext(input.Tags)),
  UntagUser: onUser('UntagUser', tagKeys),
  ListUserTags: onUser('ListUserTags'),
  PutUserPermissionsBoundary: onUser('PutUserPermissionsBoundary', newBoundary),
  DeleteUserPermissionsBoundary: onUser('DeleteUserPermissionsBoundary'),
  PutUserPolicy: onUser('PutUserPolicy'),
  GetUserPolicy: onUser('GetUserPolicy'),
  ListUserPolicies: onUser('ListUserPolicies'),
  DeleteUserPolicy: onUser('DeleteUserPolicy'),
  AttachUserPolicy: onUser('AttachUserPolicy', policyArnKey),
  DetachUserPolicy: onUser('DetachUserPolicy', policyArnKey),
  ListAttachedUserPolicies: onUser('ListAttachedUserPolicies'),
  ListGroupsForUser: onUser('ListGroupsForUser'),
  // Access keys act on their user
  CreateAccessKey: onUser('CreateAccessKey'),
  ListAccessKeys: onUser('ListAccessKeys'),
  UpdateAccessKey: onUser('UpdateAccessKey'),
  DeleteAccessKey: onUser('DeleteAccessKey'),
  GetAccessKeyLastUsed: (input, ctx) => {
    const key = accessKeys(ctx).get('', input.AccessKeyId)
    const owner = key && key.accountId === ctx.accountId ? userResource(ctx, key.userName) : undefined
    return [needs('GetAccessKeyLastUsed', owner?.arn ?? `arn:aws:iam::${ctx.accountId}:user/*`, owner?.context ?? {})]
  },
  // Groups
  CreateGroup: (input, ctx) => [needs('CreateGroup', entityArn(ctx.accountId, 'group', input.Path ?? '/', input.GroupName))],
  GetGroup: onGroup('GetGroup'),
  ListGroups: onCollection('ListGroups', 'group'),
  UpdateGroup: onGroup('UpdateGroup'),
  DeleteGroup: onGroup('DeleteGroup'),
  AddUserToGroup: onGroup('AddUserToGroup'),
  RemoveUserFromGroup: onGroup('RemoveUserFromGroup'),
  PutGroupPolicy: onGroup('PutGroupPolicy'),
  GetGroupPolicy: onGroup('GetGroupPolicy'),
  ListGroupPolicies: onGroup('ListGroupPolicies'),
  DeleteGroupPolicy: onGroup('DeleteGroupPolicy'),
  AttachGroupPolicy: onGroup('AttachGroupPolicy', policyArnKey),
  DetachGroupPolicy: onGroup('DetachGroupPolicy', policyArnKey),
  ListAttachedGroupPolicies: onGroup('ListAttachedGroupPolicies'),
  // Managed policies and their versions
  CreatePolicy: (input, ctx) =>
    withTagging(
      needs('CreatePolicy', entityArn(ctx.accountId, 'policy', input.Path ?? '/', input.PolicyName), requestTagContext(input.Tags)),
      'TagPolicy',
      input.Tags,
    ),
  GetPolicy: onPolicy('GetPolicy'),
  ListPolicies: onNothing('ListPolicies'),
  DeletePolicy: onPolicy('DeletePolicy'),
  TagPolicy: (input, ctx) => {
    const policy = policyResource(ctx, input.PolicyArn)
    return [onPolicyArn(ctx, needs('TagPolicy', policy.arn, { ...policy.context, ...requestTagContext(input.Tags) }))]
  },
  UntagPolicy: (input, ctx) => {
    const policy = policyResource(ctx, input.PolicyArn)
    return [onPolicyArn(ctx, needs('UntagPolicy', policy.arn, { ...policy.context, ...tagKeys(input) }))]
  },
  ListPolicyTags: onPolicy('ListPolicyTags'),
  CreatePolicyVersion: onPolicy('CreatePolicyVersion'),
  GetPolicyVersion: onPolicy('GetPolicyVersion'),
  ListPolicyVersions: onPolicy('ListPolicyVersions'),
  SetDefaultPolicyVersion: onPolicy('SetDefaultPolicyVersion'),
  DeletePolicyVersion: onPolicy('DeletePolicyVersion'),
  ListEntitiesForPolicy: onPolicy('ListEntitiesForPolicy'),
  // Account-wide reads and the simulator
  GetAccountAuthorizationDetails: onNothing('GetAccountAuthorizationDetails'),
  SimulatePrincipalPolicy: (input) => [needs('SimulatePrincipalPolicy', input.PolicySourceArn)],
  SimulateCustomPolicy: onNothing('SimulateCustomPolicy'),
}
