//! Renders an EC2-protocol output: no result wrapper, members by locationName, lists of <item>, the request id
//! first: <DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>…</requestId>…
import type { HttpResponse } from '../protocol-types.js'
import type { OperationModel, ServiceModel } from '../service-model.js'
import { escapeXml, xmlMembers } from '../xml-writer.js'

export const EC2_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

export function ec2Namespace(model: ServiceModel): string {
  // The model spells it without the trailing slash EC2 puts on the wire.
  const namespace = model.metadata.xmlNamespace ?? `http://ec2.amazonaws.com/doc/${model.metadata.apiVersion}`
  return namespace.endsWith('/') ? namespace : `${namespace}/`
}

export function serializeEc2Response(model: ServiceModel, operation: OperationModel, output: unknown, requestId: string): HttpResponse {
  const root = `${operation.name}Response`
  // Operations without an output shape (DeleteSubnet, …) answer <return>true</return>.
  const members = operation.output
    ? xmlMembers(operation.output, (output ?? {}) as Record<string, unknown>, { timestampMilliseconds: true })
    : '<return>true</return>'
  const body = `${EC2_XML_DECLARATION}<${root} xmlns="${escapeXml(ec2Namespace(model))}"><requestId>${escapeXml(requestId)}</requestId>${members}</${root}>`
  return { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-RequestId': requestId }, body }
}
