//! Checks parsed input against the model's constraints (required, length, range, pattern, enum) and lists every
//! violation the way AWS's validator walks them: members in model order, list items as `tags.1.member.key`.
import type { CompiledMember, CompiledShape } from './compiled-shape.js'

export type Constraint =
  | { kind: 'notNull' }
  | { kind: 'lengthMax' | 'lengthMin' | 'valueMax' | 'valueMin'; limit: number }
  | { kind: 'pattern'; pattern: string }
  | { kind: 'enum'; values: readonly string[] }
  /** a query/ec2 parameter that does not parse as its member's type (found by the parser, reported alongside) */
  | { kind: 'type'; expected: string }
  /** a list's or map's elements failed: AWS names every constraint of the element shape */
  | { kind: 'elements'; label: 'Member must satisfy constraint' | 'Map keys must satisfy constraint' | 'Map value must satisfy constraint'; inner: Constraint[] }

export interface Violation {
  /** Coral's path: lower-camel member names, `.N.member` for list items ('tags.1.member.key') */
  path: string
  /** the member at the end of the path (EC2 names it by its wire name) */
  member: CompiledMember
  value: unknown
  /** the value is (or sits inside) a sensitive shape: AWS then prints "Value at 'x'" without it */
  sensitive: boolean
  constraint: Constraint
}

export function validateInput(shape: CompiledShape, input: Record<string, unknown>): Violation[] {
  const violations: Violation[] = []
  validateStructure(shape, input, '', false, violations)
  return violations
}

function validateStructure(shape: CompiledShape, value: Record<string, unknown>, prefix: string, sensitive: boolean, out: Violation[]): void {
  for (const member of shape.members) {
    const memberValue = value[member.name]
    const path = prefix ? `${prefix}.${member.camelName}` : member.camelName
    if (memberValue === undefined || memberValue === null) {
      if (shape.required.has(member.name)) out.push({ path, member, value: null, sensitive, constraint: { kind: 'notNull' } })
      continue
    }
    validateValue(member, memberValue, path, sensitive, out)
  }
}

function validateValue(member: CompiledMember, value: unknown, path: string, parentSensitive: boolean, out: Violation[]): void {
  const shape = member.shape
  const sensitive = parentSensitive || shape.sensitive
  switch (shape.type) {
    case 'structure':
      validateStructure(shape, value as Record<string, unknown>, path, sensitive, out)
      return
    case 'list':
      validateList(member, value as unknown[], path, sensitive, out)
      return
    case 'map':
      validateMap(member, value as Record<string, unknown>, path, sensitive, out)
      return
    default:
      for (const constraint of failedConstraints(shape, value)) out.push({ path, member, value, sensitive, constraint })
  }
}

function validateList(member: CompiledMember, items: unknown[], path: string, sensitive: boolean, out: Violation[]): void {
  const shape = member.shape
  for (const constraint of sizeConstraints(shape, items.length)) out.push({ path, member, value: items, sensitive, constraint })
  const element = shape.member
  if (!element) return
  if (isContainer(element.shape)) {
    items.forEach((item, i) => {
      if (item !== null && item !== undefined) validateValue(element, item, `${path}.${i + 1}.member`, sensitive, out)
    })
    return
  }
  if (!hasConstraints(element.shape)) return
  if (items.some((item) => item !== null && item !== undefined && failedConstraints(element.shape, item).length > 0)) {
    const inner = allConstraints(element.shape)
    out.push({ path, member, value: items, sensitive: sensitive || element.shape.sensitive, constraint: { kind: 'elements', label: 'Member must satisfy constraint', inner } })
  }
}

function validateMap(member: CompiledMember, map: Record<string, unknown>, path: string, sensitive: boolean, out: Violation[]): void {
  const shape = member.shape
  const keys = Object.keys(map)
  for (const constraint of sizeConstraints(shape, keys.length)) out.push({ path, member, value: map, sensitive, constraint })
  const keyShape = shape.key?.shape
  if (keyShape && hasConstraints(keyShape) && keys.some((key) => failedConstraints(keyShape, key).length > 0)) {
    out.push({ path, member, value: map, sensitive, constraint: { kind: 'elements', label: 'Map keys must satisfy constraint', inner: allConstraints(keyShape) } })
  }
  const valueMember = shape.value
  if (!valueMember) return
  if (isContainer(valueMember.shape)) {
    for (const key of keys) {
      const item = map[key]
      if (item !== null && item !== undefined) validateValue(valueMember, item, `${path}.${key}`, sensitive, out)
    }
  } else if (hasConstraints(valueMember.shape) && keys.some((key) => map[key] != null && failedConstraints(valueMember.shape, map[key]).length > 0)) {
    const inner = allConstraints(valueMember.shape)
    out.push({ path, member, value: map, sensitive: sensitive || valueMember.shape.sensitive, constraint: { kind: 'elements', label: 'Map value must satisfy constraint', inner } })
  }
}

/** The constraints a scalar value breaks, in the order AWS lists them: length, range, pattern, enum. */
function failedConstraints(shape: CompiledShape, value: unknown): Constraint[] {
  const failed: Constraint[] = []
  if (shape.type === 'string' && typeof value === 'string') {
    failed.push(...sizeConstraints(shape, codePointLength(value)))
    if (shape.pattern && !shape.pattern.test(value)) failed.push({ kind: 'pattern', pattern: shape.patternSource! })
    if (shape.enumSet && !shape.enumSet.has(value)) failed.push({ kind: 'enum', values: shape.enumValues! })
  } else if (shape.type === 'blob' && Buffer.isBuffer(value)) {
    failed.push(...sizeConstraints(shape, value.length))
  } else if (typeof value === 'number') {
    if (shape.max !== undefined && value > shape.max) failed.push({ kind: 'valueMax', limit: shape.max })
    if (shape.min !== undefined && value < shape.min) failed.push({ kind: 'valueMin', limit: shape.min })
  }
  return failed
}

function sizeConstraints(shape: CompiledShape, size: number): Constraint[] {
  if (shape.max !== undefined && size > shape.max) return [{ kind: 'lengthMax', limit: shape.max }]
  if (shape.min !== undefined && size < shape.min) return [{ kind: 'lengthMin', limit: shape.min }]
  return []
}

/** Every constraint of an element shape, as AWS spells them out inside `[...]`: max before min. */
function allConstraints(shape: CompiledShape): Constraint[] {
  const numeric = shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double'
  const all: Constraint[] = []
  if (shape.max !== undefined) all.push({ kind: numeric ? 'valueMax' : 'lengthMax', limit: shape.max })
  if (shape.min !== undefined) all.push({ kind: numeric ? 'valueMin' : 'lengthMin', limit: shape.min })
  if (shape.patternSource !== undefined && shape.pattern) all.push({ kind: 'pattern', pattern: shape.patternSource })
  if (shape.enumValues) all.push({ kind: 'enum', values: shape.enumValues })
  return all
}

function hasConstraints(shape: CompiledShape): boolean {
  return shape.max !== undefined || shape.min !== undefined || shape.pattern !== undefined || shape.enumSet !== undefined
}

function isContainer(shape: CompiledShape): boolean {
  return shape.type === 'structure' || shape.type === 'list' || shape.type === 'map'
}

/** AWS counts string length in Unicode code points, not UTF-16 units. */
function codePointLength(value: string): number {
  let length = value.length
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--
        i++
      }
    }
  }
  return length
}
