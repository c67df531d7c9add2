//! The unique id IAM holds for a user or role ARN named in a resource-based policy (key policies, secret
//! policies): services pin it when the policy is written, so a recreated entity no longer matches (IAM User
//! Guide, "Unique identifiers"), and a name that does not exist makes the policy invalid.
import { parseArn } from '../../aws/index.js'
import { IAM_COLLECTIONS, entityKey, type RoleRecord, type Store, type UserRecord } from '../../store/index.js'

export function principalUniqueId(store: Store, arn: string): string | undefined {
  const parsed = parseArn(arn)
  if (!parsed || parsed.service !== 'iam') return undefined
  const name = parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1)
  if (parsed.resource.startsWith('user/')) {
    const user = store.documents.collection<UserRecord>(IAM_COLLECTIONS.users).get(parsed.account, entityKey(name))
    return user && user.arn === arn ? user.userId : undefined
  }
  if (parsed.resource.startsWith('role/')) {
    const role = store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles).get(parsed.account, entityKey(name))
    return role && role.arn === arn ? role.roleId : undefined
  }
  return undefined
}
