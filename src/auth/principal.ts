//! Who is calling: the authenticated principal of a request, in AWS's identity shapes
//! (CloudTrail userIdentity types; STS GetCallerIdentity Arn/UserId).

/** A policy document as stored (JSON text) plus where it came from, for explanations. */
export interface PolicySource {
  /** e.g. "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" or "role/app/inline/s3" */
  id: string
  kind: 'managed' | 'inline' | 'session' | 'boundary' | 'resource' | 'trust'
  document: string
}

export interface RootPrincipal {
  type: 'Root'
  accountId: string
  arn: string // arn:aws:iam::<acct>:root
  userId: string // the account id
  accessKeyId: string
  /** Set when the key is a session key from GetSessionToken called by root. */
  session?: SessionInfo
}

export interface IamUserPrincipal {
  type: 'IAMUser'
  accountId: string
  arn: string
  userId: string // AIDA…
  userName: string
  path: string
  accessKeyId: string
  session?: SessionInfo
}

export interface AssumedRolePrincipal {
  type: 'AssumedRole'
  accountId: string
  /** arn:aws:sts::<acct>:assumed-role/<role-name>/<session-name> */
  arn: string
  /** <RoleId>:<session-name> */
  userId: string
  roleArn: string // arn:aws:iam::<acct>:role/<path><name>
  roleId: string
  roleName: string
  rolePath: string
  sessionName: string
  accessKeyId: string
  session: SessionInfo
}

/** An AWS service acting as itself (ecs-tasks.amazonaws.com assuming a task role). */
export interface ServicePrincipal {
  type: 'AWSService'
  service: string // "ecs-tasks.amazonaws.com"
  /** The account the service acts for (aws:SourceAccount). */
  sourceAccount: string
  /** aws:SourceArn, e.g. the cluster or task ARN. */
  sourceArn?: string
}

export interface SessionInfo {
  issuedAt: Date
  expiresAt: Date
  /** Session policies (inline Policy and PolicyArns), resolved to documents at assumption time. */
  sessionPolicies: PolicySource[]
  /** Session tags (aws:PrincipalTag overrides), with their transitive keys. */
  tags: Record<string, string>
  transitiveTagKeys: string[]
  sourceIdentity?: string
  /** The role was assumed with role credentials (role chaining, 1-hour cap). */
  chained: boolean
  mfaPresent: boolean
  /** Who created the session (for CloudTrail sessionContext.sessionIssuer). */
  issuer: { type: 'Role' | 'Root' | 'IAMUser'; arn: string; principalId: string; accountId: string; userName: string }
}

export type Principal = RootPrincipal | IamUserPrincipal | AssumedRolePrincipal | ServicePrincipal

/** The account a principal belongs to (the service principal acts for its source account). */
export function principalAccount(principal: Principal): string {
  return principal.type === 'AWSService' ? principal.sourceAccount : principal.accountId
}

/** The ARN AWS prints in "User: <arn> is not authorized…" messages. */
export function principalArn(principal: Principal): string {
  return principal.type === 'AWSService' ? principal.service : principal.arn
}
