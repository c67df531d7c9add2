//! IAM groups and membership: CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup, AddUserToGroup,
//! RemoveUserFromGroup, ListGroupsForUser (IAM API Reference). Membership is kept on the user record.
import { uniqueId } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { entityKey, type GroupRecord, type UserRecord } from '../../store/index.js'
import { USER, auditResource, groups, requireGroup, requireUser, saveHolder, timestamp, users, type HandlerTable } from './entities.js'
import { deleteConflict, entityAlreadyExists, noSuchEntity, quotaExceeded } from './errors.js'
import { checkName, checkPath, entityArn } from './names.js'
import { page, type PagingInput } from './paging.js'
import { userOutput } from './users.js'

/** A user can be in at most 10 groups (IAM quotas, "Groups an IAM user can be a member of"). */
export const GROUPS_PER_USER = 10

export function groupOutput(group: GroupRecord) {
  return { Path: group.path, GroupName: group.groupName, GroupId: group.groupId, Arn: group.arn, CreateDate: group.createDate }
}

/** Users of the caller's account that are members of the group, in name order. */
export function membersOf(ctx: CallContext, groupName: string): UserRecord[] {
  const key = entityKey(groupName)
  return users(ctx)
    .list(ctx.accountId)
    .filter((user) => user.groupNames.some((name) => entityKey(name) === key))
}

function createGroup(input: { GroupName: string; Path?: string }, ctx: CallContext) {
  checkName('groupName', input.GroupName)
  const path = checkPath(input.Path)
  const collection = groups(ctx)
  if (collection.get(ctx.accountId, entityKey(input.GroupName))) throw entityAlreadyExists('group', input.GroupName)
  const group: GroupRecord = {
    accountId: ctx.accountId,
    groupName: input.GroupName,
    groupId: uniqueId('AGPA'),
    arn: entityArn(ctx.accountId, 'group', path, input.GroupName),
    path,
    createDate: timestamp(ctx),
    inlinePolicies: {},
    attachedPolicyArns: [],
  }
  collection.put(ctx.accountId, entityKey(group.groupName), group)
  auditResource(ctx, 'AWS::IAM::Group', group.groupName, group.arn)
  return { Group: groupOutput(group) }
}

function getGroup(input: PagingInput & { GroupName: string }, ctx: CallContext) {
  const group = requireGroup(ctx, input.GroupName)
  const result = page(membersOf(ctx, group.groupName), input, (user) => entityKey(user.userName))
  return { Group: groupOutput(group), Users: result.items.map((user) => userOutput(user, 'listed')), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

function listGroups(input: PagingInput & { PathPrefix?: string }, ctx: CallContext) {
  const prefix = input.PathPrefix ?? '/'
  const matching = groups(ctx)
    .list(ctx.accountId)
    .filter((group) => group.path.startsWith(prefix))
  const result = page(matching, input, (group) => entityKey(group.groupName))
  return { Groups: result.items.map(groupOutput), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

/** Renames and moves a group; its members follow it. */
function updateGroup(input: { GroupName: string; NewGroupName?: string; NewPath?: string }, ctx: CallContext) {
  const group = requireGroup(ctx, input.GroupName)
  const collection = groups(ctx)
  const newName = input.NewGroupName ?? group.groupName
  if (input.NewGroupName !== undefined) checkName('groupName', input.NewGroupName)
  const newPath = input.NewPath === undefined ? group.path : checkPath(input.NewPath)
  if (entityKey(newName) !== entityKey(group.groupName) && collection.get(ctx.accountId, entityKey(newName))) {
    throw entityAlreadyExists('group', newName)
  }
  for (const user of membersOf(ctx, group.groupName)) {
    user.groupNames = user.groupNames.map((name) => (entityKey(name) === entityKey(group.groupName) ? newName : name))
    saveHolder(ctx, USER, user)
  }
  collection.delete(ctx.accountId, entityKey(group.groupName))
  const renamed: GroupRecord = { ...group, groupName: newName, path: newPath, arn: entityArn(ctx.accountId, 'group', newPath, newName) }
  collection.put(ctx.accountId, entityKey(newName), renamed)
  auditResource(ctx, 'AWS::IAM::Group', newName, renamed.arn)
  return {}
}

/** A group must have no members and no policies left (IAM API Reference, DeleteGroup). */
function deleteGroup(input: { GroupName: string }, ctx: CallContext) {
  const group = requireGroup(ctx, input.GroupName)
  if (membersOf(ctx, group.groupName).length) throw deleteConflict('Cannot delete entity, must remove users from group first.')
  if (group.attachedPolicyArns.length) throw deleteConflict('Cannot delete entity, must detach all policies first.')
  if (Object.keys(group.inlinePolicies).length) throw deleteConflict('Cannot delete entity, must delete policies first.')
  groups(ctx).delete(ctx.accountId, entityKey(group.groupName))
  auditResource(ctx, 'AWS::IAM::Group', group.groupName, group.arn)
  return {}
}

function addUserToGroup(input: { GroupName: string; UserName: string }, ctx: CallContext) {
  const group = requireGroup(ctx, input.GroupName)
  const user = requireUser(ctx, input.UserName)
  if (!user.groupNames.some((name) => entityKey(name) === entityKey(group.groupName))) {
    if (user.groupNames.length >= GROUPS_PER_USER) throw quotaExceeded('GroupsPerUser', GROUPS_PER_USER)
    user.groupNames.push(group.groupName)
    saveHolder(ctx, USER, user)
  }
  auditResource(ctx, 'AWS::IAM::Group', group.groupName, group.arn)
  auditResource(ctx, 'AWS::IAM::User', user.userName, user.arn)
  return {}
}

function removeUserFromGroup(input: { GroupName: string; UserName: string }, ctx: CallContext) {
  const group = requireGroup(ctx, input.GroupName)
  const user = requireUser(ctx, input.UserName)
  const remaining = user.groupNames.filter((name) => entityKey(name) !== entityKey(group.groupName))
  if (remaining.length === user.groupNames.length) throw noSuchEntity('user', input.UserName)
  user.groupNames = remaining
  saveHolder(ctx, USER, user)
  auditResource(ctx, 'AWS::IAM::Group', group.groupName, group.arn)
  auditResource(ctx, 'AWS::IAM::User', user.userName, user.arn)
  return {}
}

function listGroupsForUser(input: PagingInput & { UserName: string }, ctx: CallContext) {
  const user = requireUser(ctx, input.UserName)
  const collection = groups(ctx)
  const memberOf = user.groupNames
    .map((name) => collection.get(ctx.accountId, entityKey(name)))
    .filter((group): group is GroupRecord => group !== undefined)
    .sort((a, b) => (entityKey(a.groupName) < entityKey(b.groupName) ? -1 : 1))
  const result = page(memberOf, input, (group) => entityKey(group.groupName))
  return { Groups: result.items.map(groupOutput), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

export const groupHandlers: HandlerTable = {
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
}
