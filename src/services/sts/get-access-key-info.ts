//! GetAccessKeyInfo: the account an access key id belongs to (STS API Reference, GetAccessKeyInfo): a root key
//! (taskrole's root key ids are the 12-digit account ids), an IAM user's AKIA key or a session's ASIA key.
import { isAccountId } from '../../aws/index.js'
import type { AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import { IAM_COLLECTIONS, SESSION_COLLECTION, type AccessKeyRecord, type SessionCredentialRecord, type Store } from '../../store/index.js'
import { sessionCredentialsNotAllowed, unknownAccessKeyId } from './errors.js'

interface GetAccessKeyInfoInput {
  AccessKeyId: string
}

/** sts:GetAccessKeyInfo takes no resource (Service Authorization Reference, AWS STS). GetSessionToken's credentials
 *  "cannot call any AWS STS API except AssumeRole or GetCallerIdentity" (STS API Reference, GetSessionToken); the
 *  refusal uses the wording AWS gives GetSessionToken and GetFederationToken called with session credentials. */
export function getAccessKeyInfoAuthorization(_input: unknown, ctx: CallContext): AuthorizationRequirement[] {
  const caller = ctx.principal
  if ((caller.type === 'Root' || caller.type === 'IAMUser') && caller.session) throw sessionCredentialsNotAllowed('GetAccessKeyInfo')
  return [{ action: 'sts:GetAccessKeyInfo', resource: '*' }]
}

export function getAccessKeyInfo(input: GetAccessKeyInfoInput, ctx: { store: Store }) {
  const account = accessKeyAccount(ctx.store, input.AccessKeyId)
  if (account === undefined) throw unknownAccessKeyId(input.AccessKeyId)
  return { Account: account }
}

/** The key may be inactive, deleted with its user kept, or expired: GetAccessKeyInfo "does not indicate the state
 *  of the access key", so every key taskrole still has a record of is answered. */
function accessKeyAccount(store: Store, accessKeyId: string): string | undefined {
  if (isAccountId(accessKeyId)) return accessKeyId
  if (accessKeyId.startsWith('ASIA')) {
    const session = store.documents.collection<SessionCredentialRecord>(SESSION_COLLECTION).get('', accessKeyId)
    const principal = session?.principal as { accountId?: string; sourceAccount?: string } | undefined
    return principal?.accountId ?? principal?.sourceAccount
  }
  return store.documents.collection<AccessKeyRecord>(IAM_COLLECTIONS.accessKeys).get('', accessKeyId)?.accountId
}
