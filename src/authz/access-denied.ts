//! AWS's enriched AccessDenied text: "User: <arn> is not authorized to perform: <action> on resource: <arn> because …"
//! (IAM User Guide, "Troubleshoot access denied error messages").
import type { Principal } from '../auth/index.js'
import { principalArn } from '../auth/index.js'
import type { Decision } from '../engine/index.js'

/** The explicit-deny phrases after which AWS names the denying policy. Resource-based policies are not among them:
 *  AWS added "the ARN of the denying policy" for SCPs, RCPs, permissions boundaries, session policies and
 *  identity-based policies, in same-account requests only (AWS Security Blog, "Enhanced access denied error
 *  messages with policy ARNs"), e.g. "… with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/Deny". */
const NAMES_DENYING_POLICY = new Set([
  'with an explicit deny in an identity-based policy',
  'with an explicit deny in a permissions boundary',
  'with an explicit deny in a session policy',
  'with an explicit deny in a service control policy',
  'with an explicit deny in a resource control policy',
])

export interface DeniedRequest {
  action: string
  /** '*' for actions that take no resource: IAM's wording then leaves "on resource" out. */
  resource: string
  /** The account owning the resource, when known. */
  resourceAccount?: string
}

export function accessDeniedMessage(principal: Principal, request: DeniedRequest, decision: Pick<Decision, 'denialReason' | 'denyingPolicyId'>): string {
  const onResource = request.resource === '*' ? '' : ` on resource: ${request.resource}`
  const reason = decision.denialReason
  let text = `User: ${principalArn(principal)} is not authorized to perform: ${request.action}${onResource}${reason ? ` ${reason}` : ''}`
  // Inline policies have no ARN, so only managed policies (and managed session policies) are named.
  const policy = decision.denyingPolicyId
  if (reason && policy?.startsWith('arn:') && NAMES_DENYING_POLICY.has(reason) && sameAccount(principal, request)) text += `: ${policy}`
  return text
}

function sameAccount(principal: Principal, request: DeniedRequest): boolean {
  if (principal.type === 'AWSService') return false
  return request.resourceAccount === undefined || request.resourceAccount === principal.accountId
}
