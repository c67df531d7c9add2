//! Renders a JSON-protocol output: the modelled members as JSON, content type application/x-amz-json-1.1
//! (or 1.0, per metadata.jsonVersion), x-amzn-RequestId.
import type { HttpResponse } from '../protocol-types.js'
import type { OperationModel, ServiceModel } from '../service-model.js'
import { jsonValue } from './json-value.js'

export function jsonContentType(model: ServiceModel | undefined): string {
  return `application/x-amz-json-${model?.metadata.jsonVersion ?? '1.1'}`
}

export function serializeJsonResponse(model: ServiceModel, operation: OperationModel, output: unknown, requestId: string): HttpResponse {
  const body = operation.output ? JSON.stringify(jsonValue(operation.output, output ?? {})) : '{}'
  return { status: 200, headers: { 'content-type': jsonContentType(model), 'x-amzn-RequestId': requestId }, body }
}
