//! IAM's checks on Resource/NotResource values: ARN shape, partition, qualified vendor, the region rule for
//! IAM and S3 resources and IAM resource paths, plus the legacy parser's own ARN rule
//! (messages as IAM returns them; research/iam.md §1.16).
import {
  IAM_RESOURCE_PATH,
  IAM_RESOURCE_PREFIXES,
  RESOURCE_VENDOR_UNQUALIFIED,
  iamResourceWithRegion,
  partitionNotValid,
  resourceNotArn,
  s3ResourceWithRegion,
} from './malformed-policy-messages.js'
import { hasKey, type JsonObject } from './policy-document.js'

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'])

export interface ResourceCheck {
  /** The format error IAM reports, after its action checks. */
  error: string | undefined
  /** The legacy parser rejected an ARN: "The policy failed legacy parsing". */
  legacyFailure: boolean
}

export function checkResourceFormats(statements: JsonObject[]): ResourceCheck {
  let error: string | undefined
  for (const key of ['Resource', 'NotResource']) {
    for (const statement of statements) {
      if (!hasKey(statement, key)) continue
      const value = statement[key]
      const resources = typeof value === 'string' ? [value] : [...(value as string[])].sort().reverse()
      // IAM reports the last error it meets, walking each list in reverse sorted order.
      for (const resource of resources) error = resourceFormatError(resource) ?? error
      // The legacy parser only sees statements checked before the first format error.
      if (error === undefined && resources.some((resource) => !legacyAcceptsResource(resource))) {
        return { error, legacyFailure: true }
      }
    }
  }
  return { error, legacyFailure: false }
}

/** IAM's reading of an ARN, part by part, and the first message it gives. */
export function resourceFormatError(resource: string): string | undefined {
  if (resource === '*') return undefined
  const first = resource.indexOf(':')
  if (first < 0) return resourceNotArn(resource)
  const afterArn = resource.slice(first + 1)
  const second = afterArn.indexOf(':')
  const partition = second < 0 ? afterArn : afterArn.slice(0, second)
  if (partition !== '*' && !PARTITIONS.has(partition)) {
    return partitionNotValid(partition, rebuiltArn(partition, second < 0 ? '' : afterArn.slice(second + 1)))
  }
  if (second < 0) return RESOURCE_VENDOR_UNQUALIFIED
  const afterPartition = afterArn.slice(second + 1)
  const third = afterPartition.indexOf(':')
  const service = third < 0 ? afterPartition : afterPartition.slice(0, third)
  if (service.includes('*') || service.includes('?')) return RESOURCE_VENDOR_UNQUALIFIED
  const afterService = third < 0 ? '' : afterPartition.slice(third + 1)
  const afterRegion = afterService.slice(afterService.indexOf(':') + 1)
  const resourceId = afterRegion.includes(':') ? afterRegion.slice(afterRegion.indexOf(':') + 1) : ''
  if (!afterService.startsWith(':')) {
    if (service === 'iam') return iamResourceWithRegion(resource)
    // S3 access points are regional; buckets and objects are not.
    if (service === 's3' && !resourceId.startsWith('accesspoint/')) return s3ResourceWithRegion(resource)
  }
  if (service === 'iam' && !iamPathAccepted(resourceId)) return IAM_RESOURCE_PATH
  return undefined
}

function iamPathAccepted(resourceId: string): boolean {
  if (resourceId === 'root' || resourceId.startsWith('*') || resourceId.startsWith('${')) return true
  return IAM_RESOURCE_PREFIXES.some((prefix) => resourceId.startsWith(prefix))
}

/** How IAM prints a resource whose partition it rejects: the missing parts shown as `*`. */
function rebuiltArn(partition: string, rest: string): string {
  const parts = rest.split(':')
  const first = parts[0] !== '' || parts.length > 1 ? parts[0]! : '*'
  const second = parts.length > 1 ? parts[1]! : '*'
  const third = parts.length > 2 ? parts[2]! : '*'
  const fourth = parts.length > 3 ? parts.slice(3).join(':') : '*'
  return `arn:${partition}:${first}:${second}:${third}:${fourth}`
}

/** The legacy parser wants six parts whenever an empty part appears, and a vendor. */
function legacyAcceptsResource(resource: string): boolean {
  if (resource === '*') return true
  const parts = resource.split(':')
  if (parts.length - 1 < 5 && resource.includes('::')) return false
  return parts.length < 3 || parts[2] !== ''
}
