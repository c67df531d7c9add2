//! GetSessionToken: temporary credentials with the permissions of the IAM user or root user who asks for them
//! (STS API Reference, GetSessionToken). No permission is needed: "You cannot use policies to control
//! authentication operations" (IAM User Guide, "Permissions for GetSessionToken").
import type { Principal, SessionInfo } from '../../auth/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { mfaFailed, sessionCredentialsNotAllowed } from './errors.js'
import { credentialsAuditView, issueSessionCredentials, sessionExpiry } from './session-credentials.js'
import { sessionTokenDuration } from './session-duration.js'

interface GetSessionTokenInput {
  DurationSeconds?: number
  SerialNumber?: string
  TokenCode?: string
}

export function getSessionToken(input: GetSessionTokenInput, ctx: CallContext) {
  const caller = ctx.principal
  // "The GetSessionToken operation must be called by using the long-term AWS security credentials of an IAM user."
  if (caller.type === 'AWSService' || caller.type === 'AssumedRole' || caller.session) throw sessionCredentialsNotAllowed('GetSessionToken')
  // taskrole has no MFA devices, so any code presented is one AWS would reject.
  if (input.SerialNumber !== undefined || input.TokenCode !== undefined) throw mfaFailed()
  const expiresAt = sessionExpiry(ctx.now, sessionTokenDuration(input.DurationSeconds, caller))
  const session: SessionInfo = {
    issuedAt: ctx.now,
    expiresAt,
    sessionPolicies: [],
    tags: {},
    transitiveTagKeys: [],
    chained: false,
    mfaPresent: false,
    issuer:
      caller.type === 'Root'
        ? { type: 'Root', arn: caller.arn, principalId: caller.accountId, accountId: caller.accountId, userName: caller.accountId }
        : { type: 'IAMUser', arn: caller.arn, principalId: caller.userId, accountId: caller.accountId, userName: caller.userName },
  }
  // The session is the same user (or root) with a session attached: same ARN, same policies, new key.
  const credentials = issueSessionCredentials(ctx.store, expiresAt, (accessKeyId): Principal => ({ ...caller, accessKeyId, session }))
  ctx.audit.responseElements = { Credentials: credentialsAuditView(credentials) }
  return { Credentials: credentials }
}
