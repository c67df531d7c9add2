//! Managed policy versions: CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, SetDefaultPolicyVersion,
//! DeletePolicyVersion (IAM User Guide, "Versioning IAM policies": at most five versions; v<N> never reused).
import type { CallContext } from '../../dispatch/index.js'
import { entityKey, type ManagedPolicyRecord, type PolicyVersionRecord } from '../../store/index.js'
import { encodeDocument } from './encode-document.js'
import { auditResource, policies, timestamp, type HandlerTable } from './entities.js'
import { deleteConflict, policyNotFound, policyVersionLimitExceeded, policyVersionNotFound } from './errors.js'
import { findManagedPolicy, requireManagedPolicy } from './find-managed-policy.js'
import { page, type PagingInput } from './paging.js'
import { checkPermissionsDocument } from './policy-documents.js'

export const MAX_POLICY_VERSIONS = 5

function versionOutput(view: { defaultVersionId: string }, version: PolicyVersionRecord, withDocument: boolean) {
  return {
    Document: withDocument ? encodeDocument(version.document) : undefined,
    VersionId: version.versionId,
    IsDefaultVersion: version.versionId === view.defaultVersionId,
    CreateDate: version.createDate,
  }
}

/** Versions can only be added to, removed from or chosen among the caller's own customer managed policies. */
function requireCustomerPolicy(ctx: CallContext, arn: string): ManagedPolicyRecord {
  const view = findManagedPolicy(ctx, arn)
  if (!view?.record) throw policyNotFound(arn)
  return view.record
}

function save(ctx: CallContext, record: ManagedPolicyRecord): void {
  policies(ctx).put(ctx.accountId, entityKey(record.policyName), record)
  auditResource(ctx, 'AWS::IAM::Policy', record.policyName, record.arn)
}

function createPolicyVersion(input: { PolicyArn: string; PolicyDocument: string; SetAsDefault?: boolean }, ctx: CallContext) {
  const record = requireCustomerPolicy(ctx, input.PolicyArn)
  checkPermissionsDocument(input.PolicyDocument, 'managed')
  if (record.versions.length >= MAX_POLICY_VERSIONS) throw policyVersionLimitExceeded()
  const now = timestamp(ctx)
  const version: PolicyVersionRecord = { versionId: `v${record.nextVersion}`, document: input.PolicyDocument, createDate: now }
  record.versions.push(version)
  record.nextVersion += 1
  if (input.SetAsDefault) record.defaultVersionId = version.versionId
  record.updateDate = now
  save(ctx, record)
  return { PolicyVersion: versionOutput(record, version, false) }
}

function getPolicyVersion(input: { PolicyArn: string; VersionId: string }, ctx: CallContext) {
  const view = requireManagedPolicy(ctx, input.PolicyArn)
  const version = view.versions.find((v) => v.versionId === input.VersionId)
  if (!version) throw policyVersionNotFound(view.arn, input.VersionId)
  return { PolicyVersion: versionOutput(view, version, true) }
}

/** Newest version first, as IAM lists them. */
function listPolicyVersions(input: PagingInput & { PolicyArn: string }, ctx: CallContext) {
  const view = requireManagedPolicy(ctx, input.PolicyArn)
  const ordered = [...view.versions].sort((a, b) => versionNumber(b) - versionNumber(a))
  const result = page(ordered, input, (v) => String(1e9 - versionNumber(v)).padStart(10, '0'))
  return { Versions: result.items.map((v) => versionOutput(view, v, false)), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

function setDefaultPolicyVersion(input: { PolicyArn: string; VersionId: string }, ctx: CallContext) {
  const record = requireCustomerPolicy(ctx, input.PolicyArn)
  if (!record.versions.some((v) => v.versionId === input.VersionId)) throw policyVersionNotFound(record.arn, input.VersionId)
  record.defaultVersionId = input.VersionId
  record.updateDate = timestamp(ctx)
  save(ctx, record)
  return {}
}

function deletePolicyVersion(input: { PolicyArn: string; VersionId: string }, ctx: CallContext) {
  const record = requireCustomerPolicy(ctx, input.PolicyArn)
  if (!record.versions.some((v) => v.versionId === input.VersionId)) throw policyVersionNotFound(record.arn, input.VersionId)
  if (record.defaultVersionId === input.VersionId) throw deleteConflict('Cannot delete the default version of a policy.')
  record.versions = record.versions.filter((v) => v.versionId !== input.VersionId)
  save(ctx, record)
  return {}
}

function versionNumber(version: PolicyVersionRecord): number {
  return Number.parseInt(version.versionId.slice(1), 10)
}

export const policyVersionHandlers: HandlerTable = {
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  DeletePolicyVersion: deletePolicyVersion,
}
