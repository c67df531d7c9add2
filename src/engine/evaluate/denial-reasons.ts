//! The context phrase of AWS's enriched AccessDenied messages (IAM User Guide, "Troubleshoot access denied
//! error messages"): `with an explicit deny in a <type>` or `because no <type> allows the <action> action`.
import type { PolicyRole } from '../decision.js'

const EXPLICIT: Record<PolicyRole, string> = {
  identity: 'with an explicit deny in an identity-based policy',
  resource: 'with an explicit deny in a resource-based policy',
  boundary: 'with an explicit deny in a permissions boundary',
  session: 'with an explicit deny in a session policy',
  scp: 'with an explicit deny in a service control policy',
  rcp: 'with an explicit deny in a resource control policy',
}

const IMPLICIT: Record<PolicyRole, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
}

/** Role trust policies have their own wording. */
export const TRUST_POLICY_TYPE = 'Role Trust Policy'

export function explicitDenyReason(role: PolicyRole, sourceType: string | undefined): string {
  if (role === 'resource' && sourceType === TRUST_POLICY_TYPE) return 'with an explicit deny in the role trust policy'
  return EXPLICIT[role]
}

export function implicitDenyReason(role: PolicyRole, action: string, sourceType: string | undefined): string {
  const type = role === 'resource' && sourceType === TRUST_POLICY_TYPE ? 'role trust policy' : IMPLICIT[role]
  return `because no ${type} allows the ${action} action`
}
