//! CloudTrail's userIdentity element by principal type (CloudTrail User Guide, "CloudTrail userIdentity element").
import type { Principal, SessionInfo } from '../auth/index.js'

export function userIdentity(principal: Principal): Record<string, unknown> {
  switch (principal.type) {
    case 'Root':
      return {
        type: 'Root',
        principalId: principal.accountId,
        arn: principal.arn,
        accountId: principal.accountId,
        accessKeyId: principal.accessKeyId,
        ...sessionAttributes(principal.session),
      }
    case 'IAMUser':
      return {
        type: 'IAMUser',
        principalId: principal.userId,
        arn: principal.arn,
        accountId: principal.accountId,
        accessKeyId: principal.accessKeyId,
        userName: principal.userName,
        ...sessionAttributes(principal.session),
      }
    case 'AssumedRole':
      return {
        type: 'AssumedRole',
        principalId: principal.userId,
        arn: principal.arn,
        accountId: principal.accountId,
        accessKeyId: principal.accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: principal.roleId,
            arn: principal.roleArn,
            accountId: principal.accountId,
            userName: principal.roleName,
          },
          webIdFederationData: {},
          attributes: {
            creationDate: isoSeconds(principal.session.issuedAt),
            mfaAuthenticated: principal.session.mfaPresent ? 'true' : 'false',
          },
          ...(principal.session.sourceIdentity ? { sourceIdentity: principal.session.sourceIdentity } : {}),
        },
      }
    case 'AWSService':
      return { type: 'AWSService', invokedBy: principal.service }
  }
}

/** Temporary credentials of a user or the root user (GetSessionToken) carry sessionContext.attributes
 *  (CloudTrail User Guide, "CloudTrail userIdentity element": sessionContext). */
function sessionAttributes(session: SessionInfo | undefined): Record<string, unknown> {
  if (!session) return {}
  return { sessionContext: { attributes: { creationDate: isoSeconds(session.issuedAt), mfaAuthenticated: session.mfaPresent ? 'true' : 'false' } } }
}

/** The name LookupEvents' Username attribute matches: user name, role session name, or "root". */
export function lookupUsername(principal: Principal): string | undefined {
  switch (principal.type) {
    case 'Root':
      return 'root'
    case 'IAMUser':
      return principal.userName
    case 'AssumedRole':
      return principal.sessionName
    case 'AWSService':
      return undefined
  }
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
