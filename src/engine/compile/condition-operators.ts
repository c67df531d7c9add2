//! Every condition operator IAM knows, in one table (IAM User Guide, "IAM JSON policy elements: Condition
//! operators"). Negated operators share their positive twin's comparison; the caller applies NOR.
import type { ContextScalar } from '../evaluate/authorization-request.js'
import { compileArnMatcher, arnTarget, type ArnMatcher } from './arn-pattern.js'
import { parseDateValue } from './date-value.js'
import { cidrContains, parseCidr, parseIpAddress, type CidrBlock, type IpAddress } from './ip-address.js'
import { compileGlob, type Glob } from './wildcards.js'

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null'

export interface ConditionOperator {
  readonly name: string
  readonly family: OperatorFamily
  /** StringNotEquals, NotIpAddress, ArnNotLike…: true when the request value matches none of the policy values. */
  readonly negated: boolean
  /** Policy variables are substituted in its values (String and Arn operators, and Bool). */
  readonly variables: boolean
  /** A policy value, compiled; undefined when it can never match (e.g. a malformed date). */
  prepare(policyValue: string, literal?: Uint8Array): unknown
  /** A request value in the operator's terms; undefined when it can match nothing. */
  convert(requestValue: ContextScalar): unknown
  /** The positive comparison of one converted request value with one prepared policy value. */
  test(request: unknown, policy: unknown): boolean
}

type Comparison = (request: number, policy: number) => boolean

const text = (value: ContextScalar): string => String(value)

const string = {
  equals: { prepare: (v: string) => v, convert: text, test: (r: unknown, p: unknown) => r === p },
  equalsIgnoreCase: {
    prepare: (v: string) => v.toLowerCase(),
    convert: (v: ContextScalar) => String(v).toLowerCase(),
    test: (r: unknown, p: unknown) => r === p,
  },
  like: {
    prepare: (v: string, literal?: Uint8Array) => compileGlob(v, literal),
    convert: text,
    test: (r: unknown, p: unknown) => (p as Glob).matches(r as string),
  },
}

function numeric(compare: Comparison) {
  const parse = (v: ContextScalar): number | undefined => {
    if (typeof v === 'boolean') return undefined
    const n = typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v)
    return Number.isNaN(n) ? undefined : n
  }
  return { prepare: parse, convert: parse, test: (r: unknown, p: unknown) => compare(r as number, p as number) }
}

function date(compare: Comparison) {
  return { prepare: parseDateValue, convert: parseDateValue, test: (r: unknown, p: unknown) => compare(r as number, p as number) }
}

const bool = {
  prepare: (v: string) => v.toLowerCase(),
  convert: (v: ContextScalar) => String(v).toLowerCase(),
  test: (r: unknown, p: unknown) => r === p,
}

/** BinaryEquals compares bytes; both sides are base-64 text, so compare their canonical encodings. */
const canonicalBase64 = (v: ContextScalar): string => Buffer.from(String(v), 'base64').toString('base64')
const binary = { prepare: canonicalBase64, convert: canonicalBase64, test: (r: unknown, p: unknown) => r === p }

const ip = {
  prepare: (v: string) => parseCidr(v),
  convert: (v: ContextScalar) => parseIpAddress(String(v)),
  test: (r: unknown, p: unknown) => cidrContains(p as CidrBlock, r as IpAddress),
}

/** ArnEquals and ArnLike behave the same: each of the six colon-separated parts is matched on its own. */
const arn = {
  prepare: (v: string, literal?: Uint8Array) => compileArnMatcher(v, literal),
  convert: (v: ContextScalar) => arnTarget(String(v)),
  test: (r: unknown, p: unknown) => {
    const target = r as ReturnType<typeof arnTarget>
    return target.segments !== undefined && (p as ArnMatcher).matches(target)
  },
}

/** Null: "true" means the key is absent, "false" that it is present; the caller supplies presence. */
const nullCheck = {
  prepare: (v: string) => v.toLowerCase() === 'true',
  convert: (v: ContextScalar) => v,
  test: () => false,
}

type Behaviour = Pick<ConditionOperator, 'prepare' | 'convert' | 'test'>

function pair(positive: string, negative: string | undefined, family: OperatorFamily, variables: boolean, behaviour: Behaviour): ConditionOperator[] {
  const operators: ConditionOperator[] = [{ name: positive, family, negated: false, variables, ...behaviour }]
  if (negative) operators.push({ name: negative, family, negated: true, variables, ...behaviour })
  return operators
}

const lt: Comparison = (r, p) => r < p
const le: Comparison = (r, p) => r <= p
const gt: Comparison = (r, p) => r > p
const ge: Comparison = (r, p) => r >= p
const eq: Comparison = (r, p) => r === p

const TABLE: ConditionOperator[] = [
  ...pair('StringEquals', 'StringNotEquals', 'String', true, string.equals),
  ...pair('StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'String', true, string.equalsIgnoreCase),
  ...pair('StringLike', 'StringNotLike', 'String', true, string.like),
  ...pair('NumericEquals', 'NumericNotEquals', 'Numeric', false, numeric(eq)),
  ...pair('NumericLessThan', undefined, 'Numeric', false, numeric(lt)),
  ...pair('NumericLessThanEquals', undefined, 'Numeric', false, numeric(le)),
  ...pair('NumericGreaterThan', undefined, 'Numeric', false, numeric(gt)),
  ...pair('NumericGreaterThanEquals', undefined, 'Numeric', false, numeric(ge)),
  ...pair('DateEquals', 'DateNotEquals', 'Date', false, date(eq)),
  ...pair('DateLessThan', undefined, 'Date', false, date(lt)),
  ...pair('DateLessThanEquals', undefined, 'Date', false, date(le)),
  ...pair('DateGreaterThan', undefined, 'Date', false, date(gt)),
  ...pair('DateGreaterThanEquals', undefined, 'Date', false, date(ge)),
  ...pair('Bool', undefined, 'Bool', true, bool),
  ...pair('BinaryEquals', undefined, 'Binary', false, binary),
  ...pair('IpAddress', 'NotIpAddress', 'IpAddress', false, ip),
  ...pair('ArnEquals', 'ArnNotEquals', 'Arn', true, arn),
  ...pair('ArnLike', 'ArnNotLike', 'Arn', true, arn),
  ...pair('Null', undefined, 'Null', false, nullCheck),
]

export const CONDITION_OPERATORS: ReadonlyMap<string, ConditionOperator> = new Map(TABLE.map((op) => [op.name, op]))

export type SetQualifier = 'ForAnyValue' | 'ForAllValues'

export interface OperatorName {
  qualifier: SetQualifier | undefined
  operator: ConditionOperator | undefined
  /** The base name after the qualifier and IfExists were taken off. */
  base: string
  ifExists: boolean
}

/** `ForAnyValue:StringEqualsIfExists` -> qualifier, operator and IfExists (one prefix, one suffix). */
export function parseOperatorName(name: string): OperatorName {
  let base = name
  let qualifier: SetQualifier | undefined
  for (const prefix of ['ForAnyValue', 'ForAllValues'] as const) {
    if (base.startsWith(`${prefix}:`)) {
      qualifier = prefix
      base = base.slice(prefix.length + 1)
      break
    }
  }
  let ifExists = false
  if (base.endsWith('IfExists')) {
    ifExists = true
    base = base.slice(0, -'IfExists'.length)
  }
  return { qualifier, operator: CONDITION_OPERATORS.get(base), base, ifExists }
}
