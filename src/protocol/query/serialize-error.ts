//! Renders an AwsError for query services:
//! <ErrorResponse xmlns=…><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>
import type { AwsError } from '../../aws/index.js'
import type { HttpResponse } from '../protocol-types.js'
import type { ServiceModel } from '../service-model.js'
import { escapeXml } from '../xml-writer.js'
import { errorFieldsXml } from './error-fields-xml.js'

export function serializeQueryError(error: AwsError, requestId: string, model: ServiceModel | undefined): HttpResponse {
  const namespace = model?.metadata.xmlNamespace
  const open = namespace ? `<ErrorResponse xmlns="${escapeXml(namespace)}">` : '<ErrorResponse>'
  const body =
    `${open}<Error><Type>${error.senderFault ? 'Sender' : 'Receiver'}</Type><Code>${escapeXml(error.code)}</Code>` +
    (error.message ? `<Message>${escapeXml(error.message)}</Message>` : '') +
    errorFieldsXml(error, model) +
    `</Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  return { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body }
}
