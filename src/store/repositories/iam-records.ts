//! IAM's records as stored: users, groups, roles, customer managed policies, access keys.
//! Names are unique per account case-insensitively (IAM User Guide, "IAM identifiers"), so keys are lower-cased names.

export interface Tag {
  Key: string
  Value: string
}

/** Inline policies by name, documents kept as the text the caller sent (URL-decoded). */
export type InlinePolicies = Record<string, string>

export interface RoleRecord {
  accountId: string
  roleName: string
  roleId: string
  arn: string
  path: string
  createDate: string
  assumeRolePolicyDocument: string
  /** Principal ARNs named in the trust policy -> unique id when written (a recreated role no longer matches). */
  trustPrincipalIds: Record<string, string>
  description?: string
  maxSessionDuration: number
  permissionsBoundaryArn?: string
  tags: Tag[]
  inlinePolicies: InlinePolicies
  attachedPolicyArns: string[]
  roleLastUsed?: { lastUsedDate: string; region: string }
}

export interface UserRecord {
  accountId: string
  userName: string
  userId: string
  arn: string
  path: string
  createDate: string
  permissionsBoundaryArn?: string
  tags: Tag[]
  inlinePolicies: InlinePolicies
  attachedPolicyArns: string[]
  groupNames: string[]
}

export interface GroupRecord {
  accountId: string
  groupName: string
  groupId: string
  arn: string
  path: string
  createDate: string
  inlinePolicies: InlinePolicies
  attachedPolicyArns: string[]
}

export interface PolicyVersionRecord {
  versionId: string
  document: string
  createDate: string
}

export interface ManagedPolicyRecord {
  accountId: string
  policyName: string
  policyId: string
  arn: string
  path: string
  description?: string
  createDate: string
  updateDate: string
  defaultVersionId: string
  versions: PolicyVersionRecord[]
  /** Next version number: AWS never reuses v<N> numbers after a version is deleted. */
  nextVersion: number
  tags: Tag[]
}

export interface AccessKeyRecord {
  accessKeyId: string
  secretAccessKey: string
  accountId: string
  userName: string
  status: 'Active' | 'Inactive'
  createDate: string
  lastUsed?: { lastUsedDate: string; serviceName: string; region: string }
}

export const IAM_COLLECTIONS = {
  roles: 'iam.role',
  users: 'iam.user',
  groups: 'iam.group',
  policies: 'iam.policy',
  /** scope '' (global): access key ids are unique across accounts. */
  accessKeys: 'iam.access-key',
  /** scope = account: a role's id -> its name, for trust policies and explanations. */
  uniqueIds: 'iam.unique-id',
} as const

export function entityKey(name: string): string {
  return name.toLowerCase()
}
