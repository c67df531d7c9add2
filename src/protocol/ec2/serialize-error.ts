//! Renders an AwsError the EC2 way: <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>
//! (RequestID, capital D, outside <Errors>; botocore's EC2QueryParser reads exactly this).
import type { AwsError } from '../../aws/index.js'
import type { HttpResponse } from '../protocol-types.js'
import { escapeXml } from '../xml-writer.js'
import { EC2_XML_DECLARATION } from './serialize-response.js'

export function serializeEc2Error(error: AwsError, requestId: string): HttpResponse {
  const body =
    `${EC2_XML_DECLARATION}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`
  return { status: error.status, headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-RequestId': requestId }, body }
}
