//! The ECS cluster query language, as memberOf placement constraints and ListContainerInstances filters use it
//! (ECS Developer Guide, "Create expressions to define container instances"): `subject operator [argument]`,
//! joined with and / or / not and parentheses, e.g. `attribute:ecs.os-type == windows and attribute:gpu exists`.
import { invalidExpression } from './errors.js'

export type ClusterQuery =
  | { kind: 'and' | 'or'; left: ClusterQuery; right: ClusterQuery }
  | { kind: 'not'; inner: ClusterQuery }
  | { kind: 'test'; subject: string; operator: Operator; values: string[] }

type Operator = '==' | '!=' | 'exists' | '!exists' | '>' | '>=' | '<' | '<=' | '=~' | '!~' | 'in' | 'not_in'

/** What an expression is evaluated against: one container instance. */
export interface QuerySubject {
  attributes: ReadonlyMap<string, string | undefined>
  ec2InstanceId?: string
  agentConnected: boolean
  agentVersion?: string
  runningTasksCount: number
  registeredAt: string
  /** Groups of the tasks on the instance (`task:group == service:web`). */
  taskGroups: ReadonlySet<string>
}

const OPERATOR_WORDS: Record<string, Operator> = {
  '==': '==', equals: '==', '!=': '!=', not_equals: '!=', exists: 'exists', '!exists': '!exists', not_exists: '!exists',
  '>': '>', greater_than: '>', '>=': '>=', greater_than_equal: '>=', '<': '<', less_than: '<', '<=': '<=', less_than_equal: '<=',
  '=~': '=~', matches: '=~', '!~': '!~', not_matches: '!~', in: 'in', not_in: 'not_in',
}

export function parseClusterQuery(expression: string): ClusterQuery {
  const tokens = tokenize(expression)
  let position = 0
  const fail = (why: string): never => {
    throw invalidExpression(expression, why)
  }
  const peek = () => tokens[position]
  const next = () => tokens[position++] ?? fail('unexpected end of expression')

  function parseOr(): ClusterQuery {
    let left = parseAnd()
    while (peek()?.toLowerCase() === 'or') {
      position++
      left = { kind: 'or', left, right: parseAnd() }
    }
    return left
  }
  function parseAnd(): ClusterQuery {
    let left = parseUnary()
    while (peek()?.toLowerCase() === 'and') {
      position++
      left = { kind: 'and', left, right: parseUnary() }
    }
    return left
  }
  function parseUnary(): ClusterQuery {
    const token = peek()
    if (token === '!' || token?.toLowerCase() === 'not') {
      position++
      return { kind: 'not', inner: parseUnary() }
    }
    if (token === '(') {
      position++
      const inner = parseOr()
      if (next() !== ')') fail('missing )')
      return inner
    }
    return parseTest()
  }
  function parseTest(): ClusterQuery {
    const subject = next()
    if (!isSubject(subject)) fail(`unknown subject ${subject}`)
    const operator = OPERATOR_WORDS[next().toLowerCase()] ?? fail('unknown operator')
    if (operator === 'exists' || operator === '!exists') return { kind: 'test', subject, operator, values: [] }
    if (operator === 'in' || operator === 'not_in') {
      if (next() !== '[') fail('a list in [ ] must follow in / not_in')
      const values: string[] = []
      while (peek() !== ']') {
        values.push(next())
        if (peek() === ',') position++
        else if (peek() !== ']') fail('missing ]')
      }
      position++
      return { kind: 'test', subject, operator, values }
    }
    const value = next()
    if (['(', ')', '[', ']', ','].includes(value)) fail(`unexpected ${value}`)
    return { kind: 'test', subject, operator, values: [value] }
  }

  if (tokens.length === 0) fail('empty expression')
  const query = parseOr()
  if (position < tokens.length) fail(`unexpected ${tokens[position]}`)
  return query
}

export function matchesClusterQuery(query: ClusterQuery, subject: QuerySubject): boolean {
  switch (query.kind) {
    case 'and':
      return matchesClusterQuery(query.left, subject) && matchesClusterQuery(query.right, subject)
    case 'or':
      return matchesClusterQuery(query.left, subject) || matchesClusterQuery(query.right, subject)
    case 'not':
      return !matchesClusterQuery(query.inner, subject)
    case 'test':
      return test(query, subject)
  }
}

function test(query: Extract<ClusterQuery, { kind: 'test' }>, subject: QuerySubject): boolean {
  if (query.subject === 'task:group') {
    const wanted = query.values
    switch (query.operator) {
      case '==':
      case 'in':
        return wanted.some((group) => subject.taskGroups.has(group))
      case '!=':
      case 'not_in':
        return !wanted.some((group) => subject.taskGroups.has(group))
      case 'exists':
        return subject.taskGroups.size > 0
      case '!exists':
        return subject.taskGroups.size === 0
      default:
        return [...subject.taskGroups].some((group) => compare(query.operator, group, wanted[0]!))
    }
  }
  const present = hasValue(query.subject, subject)
  const actual = valueOf(query.subject, subject)
  switch (query.operator) {
    case 'exists':
      return present
    case '!exists':
      return !present
    case 'in':
      return actual !== undefined && query.values.includes(actual)
    case 'not_in':
      return actual === undefined || !query.values.includes(actual)
    case '!=':
      return actual !== query.values[0]
    default:
      return actual !== undefined && compare(query.operator, actual, query.values[0]!)
  }
}

function compare(operator: Operator, actual: string, wanted: string): boolean {
  switch (operator) {
    case '==':
      return actual === wanted
    case '=~':
    case '!~': {
      let matched = false
      try {
        matched = new RegExp(`^(?:${wanted})$`).test(actual)
      } catch {
        matched = false
      }
      return operator === '=~' ? matched : !matched
    }
    default: {
      const a = Number(actual)
      const b = Number(wanted)
      const [x, y] = Number.isFinite(a) && Number.isFinite(b) ? [a, b] : [actual, wanted]
      return operator === '>' ? x > y : operator === '>=' ? x >= y : operator === '<' ? x < y : x <= y
    }
  }
}

function hasValue(name: string, subject: QuerySubject): boolean {
  if (name.startsWith('attribute:')) return subject.attributes.has(name.slice('attribute:'.length))
  return valueOf(name, subject) !== undefined
}

function valueOf(name: string, subject: QuerySubject): string | undefined {
  if (name.startsWith('attribute:')) return subject.attributes.get(name.slice('attribute:'.length)) ?? undefined
  switch (name) {
    case 'ec2InstanceId':
      return subject.ec2InstanceId
    case 'agentConnected':
      return String(subject.agentConnected)
    case 'agentVersion':
      return subject.agentVersion
    case 'runningTasksCount':
      return String(subject.runningTasksCount)
    case 'registeredAt':
      return subject.registeredAt
    default:
      return undefined
  }
}

function isSubject(token: string): boolean {
  return (
    (token.startsWith('attribute:') && token.length > 'attribute:'.length) ||
    ['ec2InstanceId', 'agentConnected', 'agentVersion', 'runningTasksCount', 'registeredAt', 'task:group'].includes(token)
  )
}

function tokenize(expression: string): string[] {
  const tokens: string[] = []
  const text = expression.trim()
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (/\s/.test(c)) {
      i++
    } else if ('()[],'.includes(c)) {
      tokens.push(c)
      i++
    } else if (c === '!' && text[i + 1] !== '=' && text[i + 1] !== '~' && !text.startsWith('!exists', i)) {
      tokens.push('!')
      i++
    } else if (symbolAt(text, i)) {
      const symbol = symbolAt(text, i)!
      tokens.push(symbol)
      i += symbol.length
    } else {
      // Operators end a word, so `attribute:stack==prod` reads like `attribute:stack == prod`.
      let j = i
      while (j < text.length && !/\s/.test(text[j]!) && !'()[],'.includes(text[j]!) && !symbolAt(text, j)) j++
      tokens.push(text.slice(i, j))
      i = j
    }
  }
  return tokens
}

const SYMBOLS = ['==', '!=', '=~', '!~', '>=', '<=', '>', '<']

function symbolAt(text: string, index: number): string | undefined {
  return SYMBOLS.find((symbol) => text.startsWith(symbol, index))
}
