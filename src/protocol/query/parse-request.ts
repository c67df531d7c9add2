//! Reads query-protocol parameters (IAM, STS, ELBv2) into a plain object keyed by model member names:
//! `Tags.member.1.Key` lists, `Attributes.entry.1.key` maps, 'true'/'false', ISO 8601 or epoch timestamps.
import type { CompiledMember, CompiledShape } from '../compiled-shape.js'
import { setMapEntry } from '../map-entry.js'
import { parseTimestamp } from '../timestamps.js'
import type { Violation } from '../validate-input.js'
import type { FormNode } from './form-params.js'

/** How one form-encoded protocol names things; query and ec2 differ only here. */
export interface FormDialect {
  memberName(member: CompiledMember): string
  /** the node whose children '1', '2', … are the list's items */
  listItems(node: FormNode, member: CompiledMember): FormNode | undefined
}

export const queryDialect: FormDialect = {
  memberName: (member) => member.queryName,
  listItems(node, member) {
    const shape = member.shape
    if (member.flattened ?? shape.flattened) return node
    return node.children?.get(shape.member?.queryName ?? 'member')
  },
}

export interface FormReadResult {
  input: Record<string, unknown>
  /** values that did not parse as their type; reported with the validation errors */
  typeViolations: Violation[]
}

export function readFormInput(shape: CompiledShape | undefined, tree: FormNode, dialect: FormDialect): FormReadResult {
  const typeViolations: Violation[] = []
  const input = shape ? readStructure(shape, tree, dialect, '', typeViolations) : {}
  return { input, typeViolations }
}

function readStructure(shape: CompiledShape, node: FormNode, dialect: FormDialect, prefix: string, out: Violation[]): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  const children = node.children
  if (!children) return result
  for (const member of shape.members) {
    const child = children.get(dialect.memberName(member))
    if (!child) continue
    const path = prefix ? `${prefix}.${member.camelName}` : member.camelName
    const value = readValue(member, child, dialect, path, out)
    if (value !== undefined) result[member.name] = value
  }
  return result
}

function readValue(member: CompiledMember, node: FormNode, dialect: FormDialect, path: string, out: Violation[]): unknown {
  const shape = member.shape
  switch (shape.type) {
    case 'structure':
      return readStructure(shape, node, dialect, path, out)
    case 'list':
      return readList(member, node, dialect, path, out)
    case 'map':
      return readMap(member, node, dialect, path, out)
    default: {
      if (node.value === undefined) return undefined
      const value = readScalar(shape, node.value)
      if (value === undefined) out.push({ path, member, value: node.value, sensitive: shape.sensitive, constraint: { kind: 'type', expected: typeLabel(shape) } })
      return value
    }
  }
}

function readList(member: CompiledMember, node: FormNode, dialect: FormDialect, path: string, out: Violation[]): unknown[] | undefined {
  const element = member.shape.member
  const items = dialect.listItems(node, member)
  // botocore sends `Tags=` for an explicitly empty list.
  if (!items?.children) return node.value !== undefined ? [] : undefined
  const result: unknown[] = []
  for (const [, child] of numbered(items)) {
    if (!element) break
    const value = readValue(element, child, dialect, `${path}.${result.length + 1}.member`, out)
    result.push(value ?? null)
  }
  return result
}

function readMap(member: CompiledMember, node: FormNode, dialect: FormDialect, path: string, out: Violation[]): Record<string, unknown> | undefined {
  const shape = member.shape
  const entries = (member.flattened ?? shape.flattened) ? node : node.children?.get('entry')
  if (!entries?.children) return node.value !== undefined ? {} : undefined
  const result: Record<string, unknown> = {}
  const keyName = shape.key?.queryName ?? 'key'
  const valueName = shape.value?.queryName ?? 'value'
  for (const [, entry] of numbered(entries)) {
    const key = entry.children?.get(keyName)?.value
    const valueNode = entry.children?.get(valueName)
    if (key === undefined || !valueNode || !shape.value) continue
    setMapEntry(result, key, readValue(shape.value, valueNode, dialect, `${path}.${key}`, out) ?? null)
  }
  return result
}

/** Children named 1, 2, 3… in numeric order (form keys arrive in any order). */
function numbered(node: FormNode): [number, FormNode][] {
  const items: [number, FormNode][] = []
  for (const [key, child] of node.children!) {
    if (/^\d+$/.test(key)) items.push([Number(key), child])
  }
  return items.sort((a, b) => a[0] - b[0])
}

function readScalar(shape: CompiledShape, raw: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : undefined
    case 'float':
    case 'double': {
      const n = raw.trim() === '' ? Number.NaN : Number(raw)
      return Number.isNaN(n) && raw !== 'NaN' ? undefined : n
    }
    case 'boolean': {
      const lower = raw.toLowerCase()
      return lower === 'true' ? true : lower === 'false' ? false : undefined
    }
    case 'timestamp':
      return parseTimestamp(raw)
    case 'blob':
      return Buffer.from(raw, 'base64')
    default:
      return raw
  }
}

function typeLabel(shape: CompiledShape): string {
  return shape.type[0]!.toUpperCase() + shape.type.slice(1)
}
