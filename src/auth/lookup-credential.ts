//! Access key id -> the credential taskrole issued for it: IAM users' AKIA keys and sessions' ASIA keys.
import {
  IAM_COLLECTIONS,
  SESSION_COLLECTION,
  entityKey,
  type AccessKeyRecord,
  type SessionCredentialRecord,
  type Store,
  type UserRecord,
} from '../store/index.js'
import type { IssuedCredential } from './authenticate.js'
import type { Principal } from './principal.js'
import { reviveSessionPrincipal } from './session-principal.js'

export function createCredentialLookup(store: Store): (accessKeyId: string) => IssuedCredential | undefined {
  const keys = store.documents.collection<AccessKeyRecord>(IAM_COLLECTIONS.accessKeys)
  const users = store.documents.collection<UserRecord>(IAM_COLLECTIONS.users)
  const sessions = store.documents.collection<SessionCredentialRecord>(SESSION_COLLECTION)
  return (accessKeyId) => {
    if (accessKeyId.startsWith('ASIA')) {
      const session = sessions.get('', accessKeyId)
      if (!session) return undefined
      return {
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
        expiresAt: new Date(session.expiresAt),
        principal: reviveSessionPrincipal(session.principal),
        active: true,
      }
    }
    const key = keys.get('', accessKeyId)
    if (!key) return undefined
    const user = users.get(key.accountId, entityKey(key.userName))
    // A key whose user was deleted (AWS deletes keys with the user) is unknown.
    if (!user) return undefined
    const principal: Principal = {
      type: 'IAMUser',
      accountId: user.accountId,
      arn: user.arn,
      userId: user.userId,
      userName: user.userName,
      path: user.path,
      accessKeyId,
    }
    return { secretAccessKey: key.secretAccessKey, principal, active: key.status === 'Active' }
  }
}
