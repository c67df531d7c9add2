//! How EC2 spells an authorization failure: 403 UnauthorizedOperation, "You are not authorized to perform this
//! operation. User: <arn> is not authorized to perform: ec2:CreateVpc on resource: arn:aws:ec2:<region>:<acct>:vpc/*
//! because no identity-based policy allows the ec2:CreateVpc action. Encoded authorization failure message: <blob>"
//! (as AWS prints it, e.g. in Terraform and SDK logs). AWS's blob is encrypted
//! for sts:DecodeAuthorizationMessage; taskrole's is base64url JSON in the decoded message's shape
//! ({allowed, explicitDeny, matchedStatements, failures, context}), so it can be decoded without a key.
import type { AuthorizationOutcome } from '../../dispatch/index.js'

export const UNAUTHORIZED_OPERATION = { code: 'UnauthorizedOperation', status: 403 } as const

export function unauthorizedOperationMessage(denialMessage: string, outcome?: AuthorizationOutcome): string {
  const encoded = outcome ? `. Encoded authorization failure message: ${encodeAuthorizationFailure(outcome)}` : ''
  return `You are not authorized to perform this operation. ${denialMessage}${encoded}`
}

export function encodeAuthorizationFailure(outcome: AuthorizationOutcome): string {
  const decision = outcome.decision
  const decoded = {
    allowed: false,
    explicitDeny: decision.decision === 'explicitDeny',
    matchedStatements: { items: decision.matchedStatements.map((statement) => ({ statementId: statement.sourcePolicyId })) },
    failures: { items: [] as unknown[] },
    context: {
      action: outcome.requirement.action,
      resource: outcome.requirement.resource,
      conditions: {
        items: Object.entries(outcome.requirement.context ?? {}).map(([key, value]) => ({
          key,
          values: { items: (Array.isArray(value) ? value : [value]).map((item) => ({ value: String(item) })) },
        })),
      },
    },
  }
  return Buffer.from(JSON.stringify(decoded), 'utf8').toString('base64url')
}
