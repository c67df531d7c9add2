//! AWS's enriched AccessDenied text: "User: <arn> is not authorized to perform: <action> on resource: <arn> because …"
//! (IAM User Guide, "Troubleshoot access denied error messages").
import type { Principal } from '../auth/index.js'
import { principalArn } from '../auth/index.js'

export function accessDeniedMessage(principal: Principal, action: string, resource: string, reason: string | undefined): string {
  const onResource = resource === '*' ? '' : ` on resource: ${resource}`
  return `User: ${principalArn(principal)} is not authorized to perform: ${action}${onResource}${reason ? ` ${reason}` : ''}`
}
