//! Writes a value as XML by its shape, for query and ec2 responses: lists as <member> (or the member's
//! locationName, <item> in EC2), maps as <entry><key/><value/></entry>, flattened members inline.
import type { CompiledMember, CompiledShape } from './compiled-shape.js'
import { formatIso8601, toDate } from './timestamps.js'

export interface XmlStyle {
  /** EC2 and ELBv2 print `.000Z`; IAM and STS print whole seconds */
  timestampMilliseconds: boolean
}

/** The members of a structure value, each as its element (no wrapper). */
export function xmlMembers(shape: CompiledShape, value: Record<string, unknown>, style: XmlStyle): string {
  let xml = ''
  for (const member of shape.members) {
    const memberValue = value[member.name]
    if (memberValue !== undefined && memberValue !== null) xml += xmlMember(member, memberValue, style)
  }
  return xml
}

function xmlMember(member: CompiledMember, value: unknown, style: XmlStyle): string {
  const shape = member.shape
  const name = member.wireName
  if (shape.type === 'list' && (member.flattened ?? shape.flattened)) {
    const element = shape.member!
    let xml = ''
    for (const item of value as unknown[]) if (item !== null && item !== undefined) xml += xmlElement(element.wireName === 'member' ? name : element.wireName, element.shape, item, style)
    return xml
  }
  if (shape.type === 'map' && (member.flattened ?? shape.flattened)) {
    let xml = ''
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) xml += `<${name}>${mapEntryBody(shape, key, item, style)}</${name}>`
    return xml
  }
  return xmlElement(name, shape, value, style)
}

function xmlElement(name: string, shape: CompiledShape, value: unknown, style: XmlStyle): string {
  switch (shape.type) {
    case 'structure':
      return `<${name}>${xmlMembers(shape, value as Record<string, unknown>, style)}</${name}>`
    case 'list': {
      const element = shape.member!
      let xml = ''
      for (const item of value as unknown[]) if (item !== null && item !== undefined) xml += xmlElement(element.wireName, element.shape, item, style)
      return `<${name}>${xml}</${name}>`
    }
    case 'map': {
      let xml = ''
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) xml += `<entry>${mapEntryBody(shape, key, item, style)}</entry>`
      return `<${name}>${xml}</${name}>`
    }
    default:
      return `<${name}>${escapeXml(scalarText(shape, value, style))}</${name}>`
  }
}

function mapEntryBody(shape: CompiledShape, key: string, value: unknown, style: XmlStyle): string {
  const keyName = shape.key?.wireName ?? 'key'
  const valueMember = shape.value!
  const valueXml = value === null || value === undefined ? '' : xmlElement(valueMember.wireName, valueMember.shape, value, style)
  return `<${keyName}>${escapeXml(key)}</${keyName}>${valueXml}`
}

function scalarText(shape: CompiledShape, value: unknown, style: XmlStyle): string {
  switch (shape.type) {
    case 'boolean':
      return value === true || value === 'true' ? 'true' : 'false'
    case 'timestamp': {
      const date = toDate(value)
      if (!date) throw new Error(`output timestamp ${shape.name} is not a date: ${String(value)}`)
      return formatIso8601(date, style.timestampMilliseconds)
    }
    case 'blob':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value), 'utf8').toString('base64')
    case 'document':
      return JSON.stringify(value)
    default:
      return String(value)
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' }

/** Escapes text content; a bare CR is written as &#xD; so XML parsers do not fold it into LF. */
export function escapeXml(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (c) => XML_ESCAPES[c]!) : text
}
