//! A strict JSON reader (RFC 8259, as JSON.parse) that also remembers where every object and array
//! starts and ends, because IAM's simulate APIs report statements by line and column.
import type { JsonObject, JsonValue, SourcePosition, SourceSpan } from './policy-document.js'

export interface ParsedJson {
  value: JsonValue
  /** Span of an object or array that this parse produced. */
  spanOf(node: object): SourceSpan | undefined
  /** Offsets of an object or array: its `{`/`[` and just after its `}`/`]`. */
  rangeOf(node: object): [number, number] | undefined
  positionAt(offset: number): SourcePosition
}

/** Deeper documents are not policies; refusing them keeps the reader from exhausting the stack. */
const MAX_DEPTH = 64

class JsonSyntaxError extends Error {}

/** undefined when the text is not exactly one JSON value (surrounding whitespace allowed). */
export function parseJson(text: string): ParsedJson | undefined {
  const offsets = new Map<object, [number, number]>()
  let pos = 0

  const fail = (): never => {
    throw new JsonSyntaxError()
  }
  const skipWhitespace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos)
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++
      else return
    }
  }

  const readString = (): string => {
    pos++ // opening quote
    let out = ''
    let chunkStart = pos
    for (;;) {
      if (pos >= text.length) fail()
      const c = text.charCodeAt(pos)
      if (c === 0x22) {
        out += text.slice(chunkStart, pos)
        pos++
        return out
      }
      if (c < 0x20) fail()
      if (c !== 0x5c) {
        pos++
        continue
      }
      out += text.slice(chunkStart, pos)
      const escape = text[pos + 1]
      pos += 2
      switch (escape) {
        case '"': out += '"'; break
        case '\\': out += '\\'; break
        case '/': out += '/'; break
        case 'b': out += '\b'; break
        case 'f': out += '\f'; break
        case 'n': out += '\n'; break
        case 'r': out += '\r'; break
        case 't': out += '\t'; break
        case 'u': {
          const hex = text.slice(pos, pos + 4)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail()
          out += String.fromCharCode(parseInt(hex, 16))
          pos += 4
          break
        }
        default:
          fail()
      }
      chunkStart = pos
    }
  }

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  const readNumber = (): number => {
    NUMBER.lastIndex = pos
    const match = NUMBER.exec(text)
    if (!match || match[0].length === 0) fail()
    pos += match![0].length
    return Number(match![0])
  }

  const readLiteral = (word: string, value: JsonValue): JsonValue => {
    if (!text.startsWith(word, pos)) fail()
    pos += word.length
    return value
  }

  const readValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail()
    skipWhitespace()
    const c = text[pos]
    if (c === '{') return readObject(depth)
    if (c === '[') return readArray(depth)
    if (c === '"') return readString()
    if (c === 't') return readLiteral('true', true)
    if (c === 'f') return readLiteral('false', false)
    if (c === 'n') return readLiteral('null', null)
    return readNumber()
  }

  const readObject = (depth: number): JsonObject => {
    const start = pos
    pos++
    const object = Object.create(null) as JsonObject
    skipWhitespace()
    if (text[pos] === '}') {
      pos++
      offsets.set(object, [start, pos])
      return object
    }
    for (;;) {
      skipWhitespace()
      if (text[pos] !== '"') fail()
      const key = readString()
      skipWhitespace()
      if (text[pos] !== ':') fail()
      pos++
      // Duplicate keys: the last one wins, as with JSON.parse.
      object[key] = readValue(depth + 1)
      skipWhitespace()
      const next = text[pos]
      pos++
      if (next === '}') break
      if (next !== ',') fail()
    }
    offsets.set(object, [start, pos])
    return object
  }

  const readArray = (depth: number): JsonValue[] => {
    const start = pos
    pos++
    const array: JsonValue[] = []
    skipWhitespace()
    if (text[pos] === ']') {
      pos++
      offsets.set(array, [start, pos])
      return array
    }
    for (;;) {
      array.push(readValue(depth + 1))
      skipWhitespace()
      const next = text[pos]
      pos++
      if (next === ']') break
      if (next !== ',') fail()
    }
    offsets.set(array, [start, pos])
    return array
  }

  let value: JsonValue
  try {
    value = readValue(0)
    skipWhitespace()
    if (pos !== text.length) return undefined
  } catch (error) {
    if (error instanceof JsonSyntaxError) return undefined
    throw error
  }

  let lineStarts: number[] | undefined
  const positionAt = (offset: number): SourcePosition => {
    if (!lineStarts) {
      lineStarts = [0]
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) lineStarts.push(i + 1)
    }
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (lineStarts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 }
  }

  return {
    value,
    rangeOf: (node) => offsets.get(node),
    positionAt,
    spanOf(node) {
      const range = offsets.get(node)
      return range ? { start: positionAt(range[0]), end: positionAt(range[1]) } : undefined
    },
  }
}
