//! A handler's value shaped for the JSON wire by its model shape: only modelled members, timestamps as epoch
//! seconds, blobs as base64, non-finite doubles as Smithy's "NaN"/"Infinity" strings.
import type { CompiledShape } from '../compiled-shape.js'
import { setMapEntry } from '../map-entry.js'
import { epochSeconds, toDate } from '../timestamps.js'

export function jsonValue(shape: CompiledShape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure': {
      const record = value as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const member of shape.members) {
        const item = record[member.name]
        if (item !== undefined && item !== null) out[member.wireName] = jsonValue(member.shape, item)
      }
      return out
    }
    case 'list': {
      const element = shape.member!.shape
      return (value as unknown[]).map((item) => (item === undefined || item === null ? null : jsonValue(element, item)))
    }
    case 'map': {
      const valueShape = shape.value!.shape
      const out: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) setMapEntry(out, key, item === undefined || item === null ? null : jsonValue(valueShape, item))
      return out
    }
    case 'timestamp': {
      const date = toDate(value)
      if (!date) throw new Error(`output timestamp ${shape.name} is not a date: ${String(value)}`)
      return epochSeconds(date)
    }
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value), 'utf8').toString('base64')
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = Number(value)
      return Number.isFinite(n) ? n : Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity'
    }
    case 'boolean':
      return value === true || value === 'true'
    case 'string':
      return String(value)
    case 'document':
      return value
  }
}
