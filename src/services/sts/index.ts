//! AWS STS: caller identity, role assumption (trust policies enforced) and session credentials.
import type { ServiceDefinition } from '../../dispatch/index.js'
import { assumeRole } from './assume-role.js'
import { assumeRoleAuthorization } from './assume-role-authorization.js'
import { getAccessKeyInfo, getAccessKeyInfoAuthorization } from './get-access-key-info.js'
import { getCallerIdentity } from './get-caller-identity.js'
import { getSessionToken } from './get-session-token.js'

export const stsService: ServiceDefinition = {
  service: 'sts',
  eventSource: 'sts.amazonaws.com',
  accessDenied: { code: 'AccessDenied', status: 403 },
  operations: {
    // "No permissions are required to perform this operation" (STS API Reference, GetCallerIdentity).
    GetCallerIdentity: { authorization: () => 'none', handler: getCallerIdentity },
    AssumeRole: { authorization: assumeRoleAuthorization, handler: assumeRole },
    // Authentication operations are not controlled by policies (IAM User Guide, "Permissions for GetSessionToken").
    GetSessionToken: { authorization: () => 'none', handler: getSessionToken },
    GetAccessKeyInfo: { authorization: getAccessKeyInfoAuthorization, handler: getAccessKeyInfo },
  },
  // MFA one-time codes are credentials of a kind.
  sensitiveInputMembers: ['TokenCode'],
}
