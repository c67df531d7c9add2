//! Does a Principal/NotPrincipal element name the caller, and how (IAM User Guide, "AWS JSON policy elements:
//! Principal" and "NotPrincipal"; research/iam.md §1.3 for what each form grants in the same account).
import type { PrincipalMatcher } from '../compile/compile-principal.js'
import type { PrincipalGrant } from '../decision.js'
import type { RequestPrincipal } from './authorization-request.js'

/** The strongest way the element names the principal, or undefined. Services match only by name. */
export function principalGrant(matcher: PrincipalMatcher, principal: RequestPrincipal): PrincipalGrant | undefined {
  if (principal.type === 'AWSService') return matcher.services.has(serviceName(principal)) ? 'direct' : undefined
  if (principal.type === 'Anonymous') return matcher.anyone ? 'direct' : undefined
  if (principal.federatedProvider !== undefined && matcher.federated.has(principal.federatedProvider)) return 'direct'
  if (matcher.arns.size > 0) {
    if (namesEntity(matcher, principal.arn, principal)) return 'direct'
    if (principal.type === 'AssumedRole' && namesEntity(matcher, roleArnOf(principal), principal)) return 'role'
  }
  if (matcher.anyone) return 'direct'
  if (principal.uniqueId !== undefined && matcher.uniqueIds.has(principal.uniqueId)) {
    return principal.type === 'AssumedRole' ? 'role' : 'direct'
  }
  if (principal.accountId !== undefined && matcher.accounts.has(principal.accountId)) {
    return principal.type === 'Root' ? 'direct' : 'account'
  }
  return undefined
}

/**
 * NotPrincipal applies unless every identity of the caller is listed: a role session is its session ARN,
 * its role ARN and its account, which is why AWS's examples list all three.
 */
export function notPrincipalApplies(matcher: PrincipalMatcher, principal: RequestPrincipal): boolean {
  if (principal.type === 'AWSService') return !matcher.services.has(serviceName(principal))
  if (matcher.anyone) return false
  if (principal.type === 'Anonymous') return true
  const accountListed = principal.accountId !== undefined && matcher.accounts.has(principal.accountId)
  if (principal.type === 'Root') return !accountListed
  if (!accountListed) return true
  if (!namesEntity(matcher, principal.arn, principal)) return true
  return principal.type === 'AssumedRole' && !namesEntity(matcher, roleArnOf(principal), principal)
}

/** An ARN written for a user or role matches only while the entity's unique id is the one IAM recorded. */
function namesEntity(matcher: PrincipalMatcher, arn: string, principal: RequestPrincipal): boolean {
  if (!matcher.arns.has(arn)) return false
  const recorded = matcher.arns.get(arn)
  return recorded === undefined || principal.uniqueId === undefined || recorded === principal.uniqueId
}

function serviceName(principal: RequestPrincipal): string {
  return (principal.service ?? principal.arn).toLowerCase()
}

/** arn:aws:sts::A:assumed-role/R/S -> arn:aws:iam::A:role/R when the caller did not give the role ARN (path unknown). */
export function roleArnOf(principal: RequestPrincipal): string {
  if (principal.roleArn) return principal.roleArn
  const match = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal.arn)
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : principal.arn
}
