//! The global condition keys AWS puts in every request context, built from the principal and the call
//! (IAM User Guide, "AWS global condition context keys").
import type { Principal } from '../auth/index.js'
import type { ContextValue } from '../engine/index.js'
import type { PrincipalPolicies } from './applicable-policies.js'

export interface CallEnvironment {
  now: Date
  region: string
  sourceIp?: string
  secureTransport: boolean
  sourceVpc?: string
  sourceVpce?: string
  viaService?: string
  /** Tags of the principal's user or role (aws:PrincipalTag/*); session tags override them. */
  principalTags?: Record<string, string>
  /** The policies of the principals already checked in this call, so that every check of one call (RunTask and its
   *  iam:PassRole checks) reads them once and sees the IAM state as it was when the call began. One per call. */
  policySnapshot?: Map<string, PrincipalPolicies>
}

export function buildRequestContext(principal: Principal, env: CallEnvironment): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    'aws:CurrentTime': isoSeconds(env.now),
    'aws:EpochTime': String(Math.floor(env.now.getTime() / 1000)),
    'aws:RequestedRegion': env.region,
    'aws:SecureTransport': env.secureTransport ? 'true' : 'false',
  }
  // A call made through a VPC endpoint carries aws:SourceVpc/aws:SourceVpce and no aws:SourceIp.
  if (env.sourceVpce) {
    context['aws:SourceVpce'] = env.sourceVpce
    if (env.sourceVpc) context['aws:SourceVpc'] = env.sourceVpc
  } else if (env.sourceIp) {
    context['aws:SourceIp'] = env.sourceIp
  }
  if (env.viaService) {
    context['aws:ViaAWSService'] = 'true'
    context['aws:CalledVia'] = [env.viaService]
  } else {
    context['aws:ViaAWSService'] = 'false'
  }
  switch (principal.type) {
    case 'Root':
      context['aws:PrincipalArn'] = principal.arn
      context['aws:PrincipalAccount'] = principal.accountId
      context['aws:PrincipalType'] = 'Account'
      context['aws:userid'] = principal.accountId
      break
    case 'IAMUser':
      context['aws:PrincipalArn'] = principal.arn
      context['aws:PrincipalAccount'] = principal.accountId
      context['aws:PrincipalType'] = 'User'
      context['aws:userid'] = principal.userId
      context['aws:username'] = principal.userName
      break
    case 'AssumedRole':
      // For role sessions aws:PrincipalArn is the role's ARN (with its path), not the session ARN.
      context['aws:PrincipalArn'] = principal.roleArn
      context['aws:PrincipalAccount'] = principal.accountId
      context['aws:PrincipalType'] = 'AssumedRole'
      context['aws:userid'] = principal.userId
      break
    case 'AWSService':
      context['aws:PrincipalServiceName'] = principal.service
      context['aws:SourceAccount'] = principal.sourceAccount
      if (principal.sourceArn) context['aws:SourceArn'] = principal.sourceArn
      break
  }
  if (principal.type !== 'AWSService') {
    const session = principal.session
    if (session) {
      context['aws:TokenIssueTime'] = isoSeconds(session.issuedAt)
      context['aws:MultiFactorAuthPresent'] = session.mfaPresent ? 'true' : 'false'
      if (session.sourceIdentity) context['aws:SourceIdentity'] = session.sourceIdentity
    }
    const tags = { ...(env.principalTags ?? {}), ...(session?.tags ?? {}) }
    for (const [key, value] of Object.entries(tags)) context[`aws:PrincipalTag/${key}`] = value
  }
  return context
}

/** 2025-01-02T03:04:05Z: ISO 8601 without milliseconds, as AWS puts dates in the request context. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}
