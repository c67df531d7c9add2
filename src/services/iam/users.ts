//! IAM users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser and user tags (IAM API Reference).
import { uniqueId } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { IAM_COLLECTIONS, entityKey, type Tag, type UserRecord } from '../../store/index.js'
import { USER, accessKeys, auditResource, requireUser, saveHolder, timestamp, users, type HandlerTable } from './entities.js'
import { deleteConflict, entityAlreadyExists, userNameRequired } from './errors.js'
import { checkName, checkPath, entityArn } from './names.js'
import { page, type PagingInput } from './paging.js'
import { boundaryOutput, checkBoundaryArn } from './permissions-boundaries.js'
import { checkTags, listTags, mergeTags, removeTags, tagsOutput } from './tags.js'

/** The User structure; ListUsers leaves out tags and the boundary, as IAM does. */
export function userOutput(user: UserRecord, shape: 'full' | 'listed') {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: user.createDate,
    PermissionsBoundary: shape === 'full' ? boundaryOutput(user.permissionsBoundaryArn) : undefined,
    Tags: shape === 'full' ? tagsOutput(user.tags) : undefined,
  }
}

function createUser(input: { UserName: string; Path?: string; PermissionsBoundary?: string; Tags?: Tag[] }, ctx: CallContext) {
  checkName('userName', input.UserName)
  const path = checkPath(input.Path)
  const collection = users(ctx)
  if (collection.get(ctx.accountId, entityKey(input.UserName))) throw entityAlreadyExists('user', input.UserName)
  const user: UserRecord = {
    accountId: ctx.accountId,
    userName: input.UserName,
    userId: uniqueId('AIDA'),
    arn: entityArn(ctx.accountId, 'user', path, input.UserName),
    path,
    createDate: timestamp(ctx),
    permissionsBoundaryArn: input.PermissionsBoundary === undefined ? undefined : checkBoundaryArn(ctx, input.PermissionsBoundary),
    tags: checkTags(input.Tags),
    inlinePolicies: {},
    attachedPolicyArns: [],
    groupNames: [],
  }
  collection.put(ctx.accountId, entityKey(user.userName), user)
  ctx.store.documents.collection<{ kind: string; name: string }>(IAM_COLLECTIONS.uniqueIds).put(ctx.accountId, user.userId, { kind: 'user', name: user.userName })
  auditResource(ctx, 'AWS::IAM::User', user.userName, user.arn)
  return { User: userOutput(user, 'full') }
}

/** Without UserName: the calling user; root sees the account itself (IAM API Reference, GetUser). */
function getUser(input: { UserName?: string }, ctx: CallContext) {
  if (input.UserName === undefined && ctx.principal.type === 'Root') {
    return { User: { UserId: ctx.principal.accountId, Arn: ctx.principal.arn, CreateDate: accountCreateDate(ctx) } }
  }
  if (input.UserName === undefined && ctx.principal.type !== 'IAMUser') throw userNameRequired()
  const name = input.UserName ?? (ctx.principal.type === 'IAMUser' ? ctx.principal.userName : '')
  return { User: userOutput(requireUser(ctx, name), 'full') }
}

function listUsers(input: PagingInput & { PathPrefix?: string }, ctx: CallContext) {
  const prefix = input.PathPrefix ?? '/'
  const matching = users(ctx)
    .list(ctx.accountId)
    .filter((user) => user.path.startsWith(prefix))
  const result = page(matching, input, (user) => entityKey(user.userName))
  return { Users: result.items.map((user) => userOutput(user, 'listed')), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

/** Renames and moves a user; its keys, group memberships and policies follow it. */
function updateUser(input: { UserName: string; NewUserName?: string; NewPath?: string }, ctx: CallContext) {
  const user = requireUser(ctx, input.UserName)
  const collection = users(ctx)
  const newName = input.NewUserName ?? user.userName
  if (input.NewUserName !== undefined) checkName('userName', input.NewUserName)
  const newPath = input.NewPath === undefined ? user.path : checkPath(input.NewPath)
  if (entityKey(newName) !== entityKey(user.userName) && collection.get(ctx.accountId, entityKey(newName))) {
    throw entityAlreadyExists('user', newName)
  }
  collection.delete(ctx.accountId, entityKey(user.userName))
  const keys = accessKeys(ctx)
  for (const key of keysOf(ctx, user.userName)) keys.put('', key.accessKeyId, { ...key, userName: newName })
  const renamed: UserRecord = { ...user, userName: newName, path: newPath, arn: entityArn(ctx.accountId, 'user', newPath, newName) }
  collection.put(ctx.accountId, entityKey(newName), renamed)
  ctx.store.documents.collection(IAM_COLLECTIONS.uniqueIds).put(ctx.accountId, user.userId, { kind: 'user', name: newName })
  auditResource(ctx, 'AWS::IAM::User', newName, renamed.arn)
  return {}
}

/** A user must have no access keys, group memberships or policies left (IAM API Reference, DeleteUser). */
function deleteUser(input: { UserName: string }, ctx: CallContext) {
  const user = requireUser(ctx, input.UserName)
  if (keysOf(ctx, user.userName).length) throw deleteConflict('Cannot delete entity, must delete access keys first.')
  if (user.groupNames.length) throw deleteConflict('Cannot delete entity, must remove user from all groups first.')
  if (user.attachedPolicyArns.length) throw deleteConflict('Cannot delete entity, must detach all policies first.')
  if (Object.keys(user.inlinePolicies).length) throw deleteConflict('Cannot delete entity, must delete policies first.')
  users(ctx).delete(ctx.accountId, entityKey(user.userName))
  ctx.store.documents.collection(IAM_COLLECTIONS.uniqueIds).delete(ctx.accountId, user.userId)
  auditResource(ctx, 'AWS::IAM::User', user.userName, user.arn)
  return {}
}

function tagUser(input: { UserName: string; Tags: Tag[] }, ctx: CallContext) {
  const user = requireUser(ctx, input.UserName)
  user.tags = mergeTags(user.tags, input.Tags, 'TagsPerUser')
  saveUser(ctx, user)
  return {}
}

function untagUser(input: { UserName: string; TagKeys: string[] }, ctx: CallContext) {
  const user = requireUser(ctx, input.UserName)
  user.tags = removeTags(user.tags, input.TagKeys)
  saveUser(ctx, user)
  return {}
}

function listUserTags(input: PagingInput & { UserName: string }, ctx: CallContext) {
  return listTags(requireUser(ctx, input.UserName).tags, input)
}

/** The access keys of a user of the caller's account. */
export function keysOf(ctx: CallContext, userName: string) {
  return accessKeys(ctx)
    .list('')
    .filter((key) => key.accountId === ctx.accountId && entityKey(key.userName) === entityKey(userName))
}

function saveUser(ctx: CallContext, user: UserRecord): void {
  saveHolder(ctx, USER, user)
  auditResource(ctx, 'AWS::IAM::User', user.userName, user.arn)
}

/** taskrole creates accounts on first use and keeps no creation date; the epoch of IAM itself stands in. */
function accountCreateDate(_ctx: CallContext): string {
  return '2010-05-08T00:00:00Z'
}

export const userHandlers: HandlerTable = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
}
