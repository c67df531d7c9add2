//! IAM users' long-term access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey,
//! GetAccessKeyLastUsed (IAM API Reference). Two keys per user; the secret is shown only once, at creation.
import { accessKeyId as newAccessKeyId, secretAccessKey as newSecret } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { entityKey, type AccessKeyRecord } from '../../store/index.js'
import { accessKeys, auditResource, requireUser, targetUserName, timestamp, type HandlerTable } from './entities.js'
import { accessKeyNotFound, invalidInput, quotaExceeded } from './errors.js'
import { page, type PagingInput } from './paging.js'
import { keysOf } from './users.js'

/** "Cannot exceed quota for AccessKeysPerUser: 2" (IAM quotas). */
export const ACCESS_KEYS_PER_USER = 2

function metadata(key: AccessKeyRecord) {
  return { UserName: key.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createDate }
}

function createAccessKey(input: { UserName?: string }, ctx: CallContext) {
  const user = requireUser(ctx, targetUserName(ctx, input.UserName))
  if (keysOf(ctx, user.userName).length >= ACCESS_KEYS_PER_USER) throw quotaExceeded('AccessKeysPerUser', ACCESS_KEYS_PER_USER)
  const key: AccessKeyRecord = {
    accessKeyId: newAccessKeyId('AKIA'),
    secretAccessKey: newSecret(),
    accountId: ctx.accountId,
    userName: user.userName,
    status: 'Active',
    createDate: timestamp(ctx),
  }
  accessKeys(ctx).put('', key.accessKeyId, key)
  auditResource(ctx, 'AWS::IAM::User', user.userName, user.arn)
  auditResource(ctx, 'AWS::IAM::AccessKey', key.accessKeyId)
  // CloudTrail records the new key without its secret.
  ctx.audit.responseElements = { accessKey: metadata(key) }
  return { AccessKey: { ...metadata(key), SecretAccessKey: key.secretAccessKey } }
}

function listAccessKeys(input: PagingInput & { UserName?: string }, ctx: CallContext) {
  const user = requireUser(ctx, targetUserName(ctx, input.UserName))
  const keys = keysOf(ctx, user.userName).sort((a, b) => (a.createDate + a.accessKeyId < b.createDate + b.accessKeyId ? -1 : 1))
  const result = page(keys, input, (key) => key.createDate + key.accessKeyId)
  return { AccessKeyMetadata: result.items.map(metadata), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

/** The key if it belongs to the user: "The Access Key with id X cannot be found." otherwise. */
function requireUserKey(ctx: CallContext, userName: string, id: string): AccessKeyRecord {
  const key = accessKeys(ctx).get('', id)
  if (!key || key.accountId !== ctx.accountId || entityKey(key.userName) !== entityKey(userName)) throw accessKeyNotFound(id)
  return key
}

function updateAccessKey(input: { UserName?: string; AccessKeyId: string; Status: string }, ctx: CallContext) {
  const user = requireUser(ctx, targetUserName(ctx, input.UserName))
  const key = requireUserKey(ctx, user.userName, input.AccessKeyId)
  if (input.Status !== 'Active' && input.Status !== 'Inactive') throw invalidInput(`Invalid status ${input.Status}. Status must be Active or Inactive.`)
  key.status = input.Status
  accessKeys(ctx).put('', key.accessKeyId, key)
  auditResource(ctx, 'AWS::IAM::AccessKey', key.accessKeyId)
  return {}
}

function deleteAccessKey(input: { UserName?: string; AccessKeyId: string }, ctx: CallContext) {
  const user = requireUser(ctx, targetUserName(ctx, input.UserName))
  const key = requireUserKey(ctx, user.userName, input.AccessKeyId)
  accessKeys(ctx).delete('', key.accessKeyId)
  auditResource(ctx, 'AWS::IAM::AccessKey', key.accessKeyId)
  return {}
}

/** A key never used reports ServiceName and Region "N/A" and no date (IAM API Reference, AccessKeyLastUsed). */
function getAccessKeyLastUsed(input: { AccessKeyId: string }, ctx: CallContext) {
  const key = accessKeys(ctx).get('', input.AccessKeyId)
  if (!key || key.accountId !== ctx.accountId) throw accessKeyNotFound(input.AccessKeyId)
  return {
    UserName: key.userName,
    AccessKeyLastUsed: {
      LastUsedDate: key.lastUsed?.lastUsedDate,
      ServiceName: key.lastUsed?.serviceName ?? 'N/A',
      Region: key.lastUsed?.region ?? 'N/A',
    },
  }
}

export const accessKeyHandlers: HandlerTable = {
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
}
