//! Policy text -> CompiledPolicy: every statement's actions, resources, principals and conditions turned into
//! matchers once, so evaluation never re-reads JSON. Compiles anything validatePolicyDocument accepted,
//! and never throws: what it cannot read becomes a statement that matches nothing.
import { isJsonObject, type JsonValue, type SourceSpan, type StatementNode } from '../document/policy-document.js'
import { parsePolicy } from '../document/parse-policy.js'
import { compileArnMatcher, compileArnTemplate, type ArnMatcher, type ArnTemplate } from './arn-pattern.js'
import { compileConditions, type CompiledCondition } from './compile-condition.js'
import { compilePrincipal, type PrincipalMatcher } from './compile-principal.js'
import { parseTemplate, resolveStatic } from './policy-variables.js'
import { compileGlob, type Glob } from './wildcards.js'

export interface PolicySourceInfo {
  id: string
  type: 'IAM Policy' | 'Resource Policy' | 'Role Trust Policy' | 'Permissions Boundary Policy' | 'Session Policy' | string
}

export interface CompileOptions {
  /** ARN named in the policy -> unique id recorded when the policy was written; a principal matches such an ARN only if its unique id still equals it. */
  principalUniqueIds?: Record<string, string>
}

export interface ActionMatcher {
  all: boolean
  /** Lower-cased actions without wildcards. */
  exact: ReadonlySet<string>
  /** Lower-cased patterns: actions match case-insensitively. */
  globs: Glob[]
}

export interface ResourceMatcher {
  all: boolean
  patterns: ArnMatcher[]
  /** Patterns with policy variables, resolved per request. */
  templates: ArnTemplate[]
  /** As written, for explanations. */
  written: string[]
}

export interface CompiledStatement {
  readonly index: number
  readonly sid: string | undefined
  readonly effect: 'Allow' | 'Deny'
  readonly actions: ActionMatcher
  readonly notAction: boolean
  /** undefined when the statement has neither Resource nor NotResource (resource and trust policies). */
  readonly resources: ResourceMatcher | undefined
  readonly notResource: boolean
  readonly principals: PrincipalMatcher | undefined
  readonly notPrincipal: boolean
  readonly conditions: CompiledCondition[]
  /** From `{` to just after `}`: what explanations point at. */
  readonly span: SourceSpan
  /** What IAM's simulate APIs report as StartPosition/EndPosition (see StatementNode.reportedSpan). */
  readonly reportedSpan: SourceSpan
  /** Set when the statement can never match, with the reason. */
  readonly problem: string | undefined
}

export interface CompiledPolicy {
  readonly source: PolicySourceInfo
  readonly version: string | undefined
  readonly statements: readonly CompiledStatement[]
  /** Indexes of the statements that can match an action of this (lower-case) service prefix. */
  readonly statementsForService: (service: string) => readonly number[]
  /** Set when the text was not a policy document at all. */
  readonly problem?: string
}

const CURRENT_VERSION = '2012-10-17'

export function compilePolicy(text: string, source: PolicySourceInfo, options: CompileOptions = {}): CompiledPolicy {
  const document = parsePolicy(text)
  if (!document) {
    return { source, version: undefined, statements: [], statementsForService: () => [], problem: 'the policy text is not a JSON object' }
  }
  // Policy variables exist only in the 2012-10-17 language; elsewhere `${…}` is literal text.
  const variables = document.version === CURRENT_VERSION
  const statements = document.statements.map((node) => compileStatement(node, variables, options))
  return { source, version: document.version, statements, statementsForService: indexByService(statements) }
}

/**
 * Statements by the service prefix of their actions, so a request only looks at statements that can
 * match its action. `*`, NotAction and wildcard prefixes can match any service and are in every list.
 */
function indexByService(statements: CompiledStatement[]): (service: string) => readonly number[] {
  const anyService: number[] = []
  const byService = new Map<string, number[]>()
  statements.forEach((statement, index) => {
    const services = new Set<string>()
    let any = statement.notAction || statement.actions.all
    for (const action of [...statement.actions.exact, ...statement.actions.globs.map((glob) => glob.pattern)]) {
      const colon = action.indexOf(':')
      const service = colon < 0 ? action : action.slice(0, colon)
      if (service.includes('*') || service.includes('?')) any = true
      else services.add(service)
    }
    if (any) anyService.push(index)
    else {
      for (const service of services) {
        const list = byService.get(service)
        if (list) list.push(index)
        else byService.set(service, [index])
      }
    }
  })
  for (const [service, list] of byService) byService.set(service, [...list, ...anyService].sort((a, b) => a - b))
  return (service) => byService.get(service) ?? anyService
}

function compileStatement(node: StatementNode, variables: boolean, options: CompileOptions): CompiledStatement {
  const value = node.value
  const effect = value['Effect']
  const notAction = 'NotAction' in value
  const notResource = 'NotResource' in value
  const notPrincipal = 'NotPrincipal' in value
  const resourceElement = notResource ? value['NotResource'] : value['Resource']
  const principalElement = notPrincipal ? value['NotPrincipal'] : value['Principal']
  return {
    index: node.index,
    sid: typeof value['Sid'] === 'string' ? value['Sid'] : undefined,
    effect: effect === 'Deny' ? 'Deny' : 'Allow',
    actions: compileActions(notAction ? value['NotAction'] : value['Action']),
    notAction,
    resources: resourceElement === undefined ? undefined : compileResources(resourceElement, variables),
    notResource,
    principals: principalElement === undefined ? undefined : compilePrincipal(principalElement, options.principalUniqueIds),
    notPrincipal,
    conditions: compileConditions(value['Condition'], variables),
    span: node.span,
    reportedSpan: node.reportedSpan,
    problem: effect === 'Allow' || effect === 'Deny' ? undefined : `the statement's Effect is not Allow or Deny`,
  }
}

function strings(element: JsonValue | undefined): string[] {
  if (typeof element === 'string') return [element]
  if (Array.isArray(element)) return element.filter((item): item is string => typeof item === 'string')
  return []
}

function compileActions(element: JsonValue | undefined): ActionMatcher {
  const exact = new Set<string>()
  const globs: Glob[] = []
  let all = false
  for (const action of strings(element)) {
    const lower = action.toLowerCase()
    if (lower === '*') all = true
    else if (lower.includes('*') || lower.includes('?')) globs.push(compileGlob(lower))
    else exact.add(lower)
  }
  return { all, exact, globs }
}

function compileResources(element: JsonValue, variables: boolean): ResourceMatcher {
  const matcher: ResourceMatcher = { all: false, patterns: [], templates: [], written: [] }
  if (isJsonObject(element)) return matcher
  for (const resource of strings(element)) {
    matcher.written.push(resource)
    if (resource === '*') {
      matcher.all = true
      continue
    }
    const template = parseTemplate(resource, variables)
    if (template.hasVariables) matcher.templates.push(compileArnTemplate(resource))
    else {
      const resolved = resolveStatic(template)
      matcher.patterns.push(compileArnMatcher(resolved.text, resolved.literal))
    }
  }
  return matcher
}
