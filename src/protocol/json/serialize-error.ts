//! Renders an AwsError for JSON services: {"__type":"ClientException","message":"…"} with the error's status.
//! The message key follows the service's error shape (Secrets Manager and most of SSM model `Message`; ECS, KMS,
//! ECR `message`); botocore and SDK v3 read either. `__type` is the bare code, which both parse (they strip any
//! `namespace#` prefix), as do clients that do not.
import type { AwsError } from '../../aws/index.js'
import type { HttpResponse } from '../protocol-types.js'
import type { ServiceModel } from '../service-model.js'
import { jsonValue } from './json-value.js'
import { jsonContentType } from './serialize-response.js'

export function serializeJsonError(error: AwsError, requestId: string, model: ServiceModel | undefined): HttpResponse {
  const shape = model?.errorShape(error.code)
  const body: Record<string, unknown> = { __type: error.code }
  const messageKey = shape?.memberByName.has('Message') ? 'Message' : 'message'
  if (error.message) body[messageKey] = error.message
  if (error.fields) {
    if (shape) {
      const typed = jsonValue(shape, error.fields) as Record<string, unknown>
      for (const [key, value] of Object.entries(typed)) if (key.toLowerCase() !== 'message') body[key] = value
    } else {
      for (const [key, value] of Object.entries(error.fields)) if (value !== undefined && !(key in body)) body[key] = value
    }
  }
  return { status: error.status, headers: { 'content-type': jsonContentType(model), 'x-amzn-RequestId': requestId }, body: JSON.stringify(body) }
}
