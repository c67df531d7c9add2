//! GetCallerIdentity: who the credentials belong to, exactly as AWS prints it (STS API Reference, GetCallerIdentity):
//! the account id as UserId for the root user, AIDA… for an IAM user, `<RoleId>:<session name>` for a role session.
//! No permission is needed: "no permissions are required to perform this operation", even under an explicit deny.
import type { CallContext } from '../../dispatch/index.js'

export function getCallerIdentity(_input: unknown, ctx: CallContext) {
  const principal = ctx.principal
  if (principal.type === 'AWSService') {
    // Services act through the embedded agent, never with credentials of their own; answered for completeness.
    return { UserId: principal.service, Account: principal.sourceAccount, Arn: principal.service }
  }
  // GetSessionToken credentials keep the identity of the user (or root) that asked for them.
  return { UserId: principal.userId, Account: principal.accountId, Arn: principal.arn }
}
