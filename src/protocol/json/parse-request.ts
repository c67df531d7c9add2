//! Reads a JSON-protocol body into a plain object keyed by model member names, converting timestamps (epoch
//! seconds) to Date and blobs (base64) to Buffer; a wrong JSON type is a SerializationException, as in AWS.
import type { CompiledShape } from '../compiled-shape.js'
import { serializationException } from '../protocol-errors.js'
import { setMapEntry } from '../map-entry.js'
import { parseTimestamp } from '../timestamps.js'

export function parseJsonInput(shape: CompiledShape | undefined, body: Buffer): Record<string, unknown> {
  let parsed: unknown = {}
  if (body.length > 0) {
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      throw serializationException('Could not parse request body into json: the body is not valid JSON')
    }
  }
  if (parsed === null) parsed = {}
  if (!shape) return {}
  return readValue(shape, parsed) as Record<string, unknown>
}

function readValue(shape: CompiledShape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure':
      return readStructure(shape, value)
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(value, 'a List')
      const element = shape.member!.shape
      return value.map((item) => (item === null ? null : readValue(element, item)))
    }
    case 'map': {
      if (!isPlainObject(value)) throw mismatch(value, 'a Map')
      const valueShape = shape.value!.shape
      const result: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(value)) setMapEntry(result, key, item === null ? null : readValue(valueShape, item))
      return result
    }
    case 'string':
      if (typeof value !== 'string') throw mismatch(value, 'String')
      return value
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(value, shape.type === 'integer' ? 'an Integer' : 'a Long')
      return value
    case 'float':
    case 'double':
      if (typeof value === 'number') return value
      // Smithy's JSON protocols spell the non-finite values as strings.
      if (value === 'NaN') return Number.NaN
      if (value === 'Infinity') return Number.POSITIVE_INFINITY
      if (value === '-Infinity') return Number.NEGATIVE_INFINITY
      throw mismatch(value, shape.type === 'float' ? 'a Float' : 'a Double')
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(value, 'a Boolean')
      return value
    case 'timestamp': {
      const date = typeof value === 'number' || typeof value === 'string' ? parseTimestamp(value) : undefined
      if (!date) throw mismatch(value, 'a Date')
      return date
    }
    case 'blob':
      if (typeof value !== 'string') throw mismatch(value, 'a ByteBuffer')
      return Buffer.from(value, 'base64')
    case 'document':
      return value
  }
}

function readStructure(shape: CompiledShape, value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw mismatch(value, 'a Structure')
  const result: Record<string, unknown> = {}
  for (const member of shape.members) {
    const item = value[member.wireName]
    if (item === undefined || item === null) continue
    result[member.name] = readValue(member.shape, item)
  }
  return result
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Worded like AWS's JSON reader: "Start of structure or map found where not expected.", "NUMBER_VALUE can not be converted to String". */
function mismatch(value: unknown, expected: string) {
  if (Array.isArray(value)) return serializationException('Start of list found where not expected')
  if (typeof value === 'object' && value !== null) return serializationException('Start of structure or map found where not expected.')
  const token = typeof value === 'string' ? 'STRING_VALUE' : typeof value === 'number' ? 'NUMBER_VALUE' : value === true ? 'TRUE_VALUE' : 'FALSE_VALUE'
  return serializationException(`${token} can not be converted to ${expected}`)
}
