//! Validation on write (CreatePolicy, CreatePolicyVersion, Put*Policy, CreateRole, UpdateAssumeRolePolicy,
//! PutRolePermissionsBoundary, session policies): IAM's checks in IAM's order, so the first problem in a
//! document gets the message AWS would give. Never used per request.
import { compileGlob } from '../compile/wildcards.js'
import { checkPolicySyntax } from './check-policy-syntax.js'
import { legacyAcceptsStatement } from './check-legacy-values.js'
import { checkPrincipals } from './check-principals.js'
import { checkResourceFormats } from './check-resource-format.js'
import * as messages from './malformed-policy-messages.js'
import { parseJson } from './parse-json.js'
import { hasKey, type JsonObject, type PolicyKind, type PolicyValidation, type ValidateOptions } from './policy-document.js'

/** Kinds that use the identity-policy grammar: no Principal, Resource required. */
const IDENTITY_GRAMMAR = new Set<PolicyKind>(['identity', 'managed', 'boundary', 'session'])
/** Managed policies (and boundaries, which are managed policies) need the current language version. */
const NEEDS_CURRENT_VERSION = new Set<PolicyKind>(['managed', 'boundary'])
const SID = /^[0-9A-Za-z]*$/
const VENDOR = /^[a-zA-Z0-9.-]+$/
const TRUST_ACTIONS = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
]

export function validatePolicyDocument(text: string, kind: PolicyKind, options: ValidateOptions = {}): PolicyValidation {
  const parsed = parseJson(text)
  const syntax = parsed && checkPolicySyntax(parsed.value)
  if (!syntax) return malformed(messages.SYNTAX_ERRORS)
  const { root, statements } = syntax
  if (NEEDS_CURRENT_VERSION.has(kind) && root['Version'] !== '2012-10-17') return malformed(messages.VERSION_REQUIRED)
  if (IDENTITY_GRAMMAR.has(kind) && statements.some((s) => hasKey(s, 'Principal') || hasKey(s, 'NotPrincipal'))) {
    return malformed(messages.SHOULD_NOT_SPECIFY_PRINCIPAL)
  }
  if (!statements.every(legacyAcceptsStatement)) return malformed(messages.LEGACY_PARSING)
  const resources = checkResourceFormats(statements)
  if (resources.legacyFailure) return malformed(messages.LEGACY_PARSING)
  const sidMessage = sidProblem(statements, kind)
  if (sidMessage) return malformed(sidMessage)
  if (!statements.every((s) => nonEmpty(s, 'Action') || nonEmpty(s, 'NotAction'))) return malformed(messages.MUST_CONTAIN_ACTIONS)
  if (resources.error) return malformed(resources.error)
  const actionMessage = actionProblem(statements)
  if (actionMessage) return malformed(actionMessage)
  if (IDENTITY_GRAMMAR.has(kind) && !statements.every((s) => nonEmpty(s, 'Resource') || nonEmpty(s, 'NotResource'))) {
    return malformed(messages.MUST_CONTAIN_RESOURCES)
  }
  if (kind === 'trust') {
    const trustMessage = trustProblem(statements)
    if (trustMessage) return malformed(trustMessage)
  }
  if (kind === 'trust' || kind === 'resource') {
    const principals = checkPrincipals(statements, options)
    if (!principals.ok) return malformed(principals.message)
    if (Object.keys(principals.uniqueIds).length) return { ok: true, principalUniqueIds: principals.uniqueIds }
  }
  return { ok: true }
}

function malformed(message: string): PolicyValidation {
  return { ok: false, message }
}

function nonEmpty(statement: JsonObject, key: string): boolean {
  const value = statement[key]
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0)
}

function values(statement: JsonObject, key: string): string[] {
  const value = statement[key]
  return typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : []
}

/** IAM (not other services' resource policies) allows only letters and digits in a Sid. */
function sidProblem(statements: JsonObject[], kind: PolicyKind): string | undefined {
  const seen = new Set<string>()
  for (const statement of statements) {
    const sid = statement['Sid']
    if (typeof sid !== 'string' || sid === '') continue
    if (seen.has(sid)) return messages.SID_NOT_UNIQUE
    seen.add(sid)
  }
  if (kind === 'resource') return undefined
  for (const statement of statements) {
    const sid = statement['Sid']
    if (typeof sid === 'string' && !SID.test(sid)) return messages.SID_NOT_ALPHANUMERIC
  }
  return undefined
}

/** `vendor:action`; `*` alone means every action; the vendor may not be a wildcard. */
function actionProblem(statements: JsonObject[]): string | undefined {
  for (const key of ['Action', 'NotAction']) {
    for (const statement of statements) {
      for (const action of values(statement, key)) {
        const parts = action.split(':')
        if (parts.length === 1 && action !== '*') return messages.ACTION_NEEDS_VENDOR
        if (parts.length > 2) return messages.ACTION_ONE_COLON
        const vendor = parts[0]!
        if (parts.length === 2 && (vendor.includes('*') || vendor.includes('?'))) return messages.ACTION_VENDOR_WILDCARD
        if (parts.length === 2 && !VENDOR.test(vendor)) return messages.vendorNotValid(vendor)
      }
    }
  }
  return undefined
}

/** Trust policies name who may assume the role: no Resource, no NotPrincipal, only STS actions. */
function trustProblem(statements: JsonObject[]): string | undefined {
  for (const statement of statements) {
    if (hasKey(statement, 'NotAction')) return messages.TRUST_ACTIONS_ONLY
    for (const action of values(statement, 'Action')) if (!isTrustAction(action)) return messages.TRUST_ACTIONS_ONLY
  }
  for (const statement of statements) {
    for (const field of ['Resource', 'NotResource', 'NotPrincipal']) if (hasKey(statement, field)) return messages.prohibitedField(field)
  }
  return undefined
}

function isTrustAction(action: string): boolean {
  const lower = action.toLowerCase()
  if (!lower.startsWith('sts:')) return false
  const glob = compileGlob(lower)
  return TRUST_ACTIONS.some((known) => glob.matches(known))
}
