//! Managed policies: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy and policy tags (IAM API Reference).
//! Customer managed policies are stored per account; AWS managed ones exist everywhere and are never stored.
import { awsManagedPolicies, uniqueId } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { entityKey, type ManagedPolicyRecord, type Tag } from '../../store/index.js'
import { auditResource, policies, timestamp, type HandlerTable } from './entities.js'
import { deleteConflict, policyAlreadyExists, policyNotFound, validationError } from './errors.js'
import {
  awsView,
  customerView,
  findManagedPolicy,
  policyOutput,
  policyUsage,
  requireManagedPolicy,
  usageCounts,
  type ManagedPolicyView,
} from './find-managed-policy.js'
import { checkName, entityArn } from './names.js'
import { page, type PagingInput } from './paging.js'
import { checkPermissionsDocument } from './policy-documents.js'
import { checkTags, listTags, mergeTags, removeTags } from './tags.js'

interface CreatePolicyInput {
  PolicyName: string
  PolicyDocument: string
  Path?: string
  Description?: string
  Tags?: Tag[]
}

/** Customer managed policy paths follow the model's policyPathType: "/" or "/a/b/". */
function checkPolicyPath(path: string | undefined): string {
  if (path === undefined) return '/'
  if (!/^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/.test(path)) {
    throw validationError(
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    )
  }
  return path
}

function createPolicy(input: CreatePolicyInput, ctx: CallContext) {
  checkName('policyName', input.PolicyName)
  const path = checkPolicyPath(input.Path)
  const collection = policies(ctx)
  if (collection.get(ctx.accountId, entityKey(input.PolicyName))) throw policyAlreadyExists(input.PolicyName)
  checkPermissionsDocument(input.PolicyDocument, 'managed')
  const now = timestamp(ctx)
  const record: ManagedPolicyRecord = {
    accountId: ctx.accountId,
    policyName: input.PolicyName,
    policyId: uniqueId('ANPA'),
    arn: entityArn(ctx.accountId, 'policy', path, input.PolicyName),
    path,
    description: input.Description,
    createDate: now,
    updateDate: now,
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document: input.PolicyDocument, createDate: now }],
    nextVersion: 2,
    tags: checkTags(input.Tags),
  }
  collection.put(ctx.accountId, entityKey(record.policyName), record)
  auditResource(ctx, 'AWS::IAM::Policy', record.policyName, record.arn)
  return { Policy: policyOutput(customerView(record), undefined, true) }
}

function getPolicy(input: { PolicyArn: string }, ctx: CallContext) {
  const view = requireManagedPolicy(ctx, input.PolicyArn)
  return { Policy: policyOutput(view, usageCounts(ctx).get(view.arn), true) }
}

interface ListPoliciesInput extends PagingInput {
  Scope?: 'All' | 'AWS' | 'Local'
  OnlyAttached?: boolean
  PathPrefix?: string
  PolicyUsageFilter?: 'PermissionsPolicy' | 'PermissionsBoundary'
}

function listPolicies(input: ListPoliciesInput, ctx: CallContext) {
  const scope = input.Scope ?? 'All'
  const prefix = input.PathPrefix ?? '/'
  const counts = usageCounts(ctx)
  const views: ManagedPolicyView[] = []
  if (scope !== 'Local') views.push(...awsManagedPolicies().map(awsView))
  if (scope !== 'AWS') views.push(...policies(ctx).list(ctx.accountId).map(customerView))
  const matching = views
    .filter((view) => view.path.startsWith(prefix))
    .filter((view) => {
      if (!input.OnlyAttached) return true
      const count = counts.get(view.arn)
      if (input.PolicyUsageFilter === 'PermissionsBoundary') return (count?.boundaries ?? 0) > 0
      if (input.PolicyUsageFilter === 'PermissionsPolicy') return (count?.attachments ?? 0) > 0
      return (count?.attachments ?? 0) + (count?.boundaries ?? 0) > 0
    })
    .sort((a, b) => (listKey(a) < listKey(b) ? -1 : 1))
  const result = page(matching, input, listKey)
  return { Policies: result.items.map((view) => policyOutput(view, counts.get(view.arn), false)), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

function listKey(view: ManagedPolicyView): string {
  return `${view.policyName.toLowerCase()}\u0000${view.arn}`
}

/**
 * A policy in use (attached, or a permissions boundary) cannot be deleted, nor one with non-default versions
 * (IAM API Reference, DeletePolicy).
 */
function deletePolicy(input: { PolicyArn: string }, ctx: CallContext) {
  const view = findManagedPolicy(ctx, input.PolicyArn)
  // AWS managed policies belong to no account: there is nothing of the caller's to delete.
  if (!view?.record) throw policyNotFound(input.PolicyArn)
  const usage = policyUsage(ctx, view.arn)
  const inUse = usage.roles.length + usage.users.length + usage.groups.length + usage.boundaryRoles.length + usage.boundaryUsers.length
  if (inUse > 0) throw deleteConflict('Cannot delete a policy attached to entities.')
  if (view.versions.length > 1) {
    throw deleteConflict(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    )
  }
  policies(ctx).delete(ctx.accountId, entityKey(view.policyName))
  auditResource(ctx, 'AWS::IAM::Policy', view.policyName, view.arn)
  return {}
}

function requireCustomerPolicy(ctx: CallContext, arn: string): ManagedPolicyRecord {
  const view = findManagedPolicy(ctx, arn)
  if (!view?.record) throw policyNotFound(arn)
  return view.record
}

function tagPolicy(input: { PolicyArn: string; Tags: Tag[] }, ctx: CallContext) {
  const record = requireCustomerPolicy(ctx, input.PolicyArn)
  record.tags = mergeTags(record.tags, input.Tags, 'TagsPerPolicy')
  policies(ctx).put(ctx.accountId, entityKey(record.policyName), record)
  auditResource(ctx, 'AWS::IAM::Policy', record.policyName, record.arn)
  return {}
}

function untagPolicy(input: { PolicyArn: string; TagKeys: string[] }, ctx: CallContext) {
  const record = requireCustomerPolicy(ctx, input.PolicyArn)
  record.tags = removeTags(record.tags, input.TagKeys)
  policies(ctx).put(ctx.accountId, entityKey(record.policyName), record)
  auditResource(ctx, 'AWS::IAM::Policy', record.policyName, record.arn)
  return {}
}

function listPolicyTags(input: PagingInput & { PolicyArn: string }, ctx: CallContext) {
  return listTags(requireManagedPolicy(ctx, input.PolicyArn).tags, input)
}

export const managedPolicyHandlers: HandlerTable = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  ListPolicies: listPolicies,
  DeletePolicy: deletePolicy,
  TagPolicy: tagPolicy,
  UntagPolicy: untagPolicy,
  ListPolicyTags: listPolicyTags,
}
