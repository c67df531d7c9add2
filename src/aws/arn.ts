//! ARNs: arn:partition:service:region:account-id:resource (IAM User Guide, "IAM identifiers").

export interface Arn {
  partition: string
  service: string
  region: string
  account: string
  resource: string
}

export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith('arn:')) return undefined
  const parts = text.split(':')
  if (parts.length < 6) return undefined
  const [, partition, service, region, account] = parts as [string, string, string, string, string]
  if (!partition || !service) return undefined
  return { partition, service, region, account, resource: parts.slice(5).join(':') }
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`
}

/** IAM paths are part of user/role/policy ARNs: arn:aws:iam::123456789012:role/service-role/name. */
export function iamArn(account: string, type: string, path: string, name: string): string {
  return `arn:aws:iam::${account}:${type}${path}${name}`
}

export function assumedRoleArn(account: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`
}
