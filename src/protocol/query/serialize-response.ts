//! Renders a query-protocol output (IAM, STS, ELBv2):
//! <GetRoleResponse xmlns=…><GetRoleResult>…</GetRoleResult><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></GetRoleResponse>
import type { HttpResponse } from '../protocol-types.js'
import type { OperationModel, ServiceModel } from '../service-model.js'
import { escapeXml, xmlMembers, type XmlStyle } from '../xml-writer.js'

/** IAM and STS print whole seconds (`<CreateDate>2019-01-23T20:10:34Z</CreateDate>`); ELBv2 prints `.920Z`. */
const WHOLE_SECOND_SERVICES = new Set(['iam', 'sts'])

export function queryXmlStyle(service: string): XmlStyle {
  return { timestampMilliseconds: !WHOLE_SECOND_SERVICES.has(service) }
}

export function serializeQueryResponse(model: ServiceModel, operation: OperationModel, output: unknown, requestId: string): HttpResponse {
  const root = `${operation.name}Response`
  const namespace = model.metadata.xmlNamespace
  let body = namespace ? `<${root} xmlns="${escapeXml(namespace)}">` : `<${root}>`
  if (operation.output) {
    const wrapper = operation.resultWrapper
    body += `<${wrapper}>${xmlMembers(operation.output, (output ?? {}) as Record<string, unknown>, queryXmlStyle(model.service))}</${wrapper}>`
  }
  body += `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${root}>`
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body }
}
