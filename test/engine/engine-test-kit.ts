//! Builders for the engine's decision-table suites: principals in AWS's shapes, validated-then-compiled
//! policies, requests; so each case reads as the AWS documentation example it comes from.
import assert from 'node:assert/strict'
import {
  compilePolicy,
  evaluate,
  validatePolicyDocument,
  type AuthorizationRequest,
  type CompileOptions,
  type CompiledPolicy,
  type ContextValue,
  type Decision,
  type PolicyKind,
  type PolicySet,
  type RequestPrincipal,
} from '../../src/engine/index.js'

export const ACCOUNT = '111122223333'
export const OTHER_ACCOUNT = '444455556666'

const SOURCE_TYPE: Record<PolicyKind, string> = {
  identity: 'IAM Policy',
  managed: 'IAM Policy',
  trust: 'Role Trust Policy',
  resource: 'Resource Policy',
  boundary: 'Permissions Boundary Policy',
  session: 'Session Policy',
}

let counter = 0

/** Validates the document as IAM would on write (it must be accepted), then compiles it. */
export function policy(kind: PolicyKind, document: object | string, options: CompileOptions & { id?: string } = {}): CompiledPolicy {
  const text = typeof document === 'string' ? document : JSON.stringify(document, null, 2)
  const validation = validatePolicyDocument(text, kind)
  assert.ok(validation.ok, `test policy rejected: ${validation.ok ? '' : validation.message}`)
  return compilePolicy(text, { id: options.id ?? `${kind}-${++counter}`, type: SOURCE_TYPE[kind] }, options)
}

export function allow(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }] }
}

export function deny(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: resource, ...extra }] }
}

/** A resource-based policy (or trust policy, without Resource) with one statement. */
export function grant(principal: unknown, action: string | string[], extra: object = {}): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...extra }] }
}

export const principals = {
  root: (account = ACCOUNT): RequestPrincipal => ({ type: 'Root', arn: `arn:aws:iam::${account}:root`, accountId: account }),
  user: (name: string, account = ACCOUNT, uniqueId?: string): RequestPrincipal => ({
    type: 'IAMUser',
    arn: `arn:aws:iam::${account}:user/${name}`,
    accountId: account,
    ...(uniqueId ? { uniqueId } : {}),
  }),
  session: (role: string, session: string, options: { account?: string; path?: string; roleId?: string } = {}): RequestPrincipal => {
    const account = options.account ?? ACCOUNT
    return {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
      accountId: account,
      roleArn: `arn:aws:iam::${account}:role${options.path ?? '/'}${role}`,
      ...(options.roleId ? { uniqueId: options.roleId } : {}),
    }
  },
  federatedUser: (name: string, account = ACCOUNT): RequestPrincipal => ({
    type: 'FederatedUser',
    arn: `arn:aws:sts::${account}:federated-user/${name}`,
    accountId: account,
  }),
  service: (name: string): RequestPrincipal => ({ type: 'AWSService', arn: name, service: name }),
  anonymous: (): RequestPrincipal => ({ type: 'Anonymous', arn: '*' }),
}

export function request(
  principal: RequestPrincipal,
  action: string,
  resource = '*',
  context: Record<string, ContextValue> = {},
  resourceAccount?: string,
): AuthorizationRequest {
  return { principal, action, resource, context, ...(resourceAccount ? { resourceAccount } : {}) }
}

export interface DecisionCase {
  name: string
  /** The AWS documentation page, example or statement the case comes from. */
  source: string
  request: AuthorizationRequest
  policies: PolicySet
  expected: Decision['decision']
  /** AWS's enriched AccessDenied phrase, when the case pins it. */
  reason?: string
}

export function check(decisionCase: DecisionCase): Decision {
  const decision = evaluate(decisionCase.request, decisionCase.policies)
  assert.equal(decision.decision, decisionCase.expected, `${decisionCase.name}: ${decision.explanation.rule}`)
  if (decisionCase.reason !== undefined) assert.equal(decision.denialReason, decisionCase.reason)
  if (decisionCase.expected === 'allowed') assert.equal(decision.denialReason, undefined)
  return decision
}
