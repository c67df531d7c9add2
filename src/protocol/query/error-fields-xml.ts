//! The extra members an AwsError carries (AwsError.fields), as XML elements inside <Error>: typed by the
//! service's error shape when it models them, else written as plain text.
import type { AwsError } from '../../aws/index.js'
import type { ServiceModel } from '../service-model.js'
import { escapeXml, xmlMembers } from '../xml-writer.js'
import { queryXmlStyle } from './serialize-response.js'

export function errorFieldsXml(error: AwsError, model: ServiceModel | undefined): string {
  const fields = error.fields
  if (!fields) return ''
  const shape = model?.errorShape(error.code)
  if (shape) {
    const modelled: Record<string, unknown> = {}
    for (const member of shape.members) if (member.name.toLowerCase() !== 'message') modelled[member.name] = fields[member.name]
    return xmlMembers(shape, modelled, queryXmlStyle(model!.service))
  }
  let xml = ''
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && /^[A-Za-z_][\w.-]*$/.test(name)) xml += `<${name}>${escapeXml(String(value))}</${name}>`
  }
  return xml
}
