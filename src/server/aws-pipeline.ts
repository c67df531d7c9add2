//! The AWS API pipeline, top to bottom (DESIGN.md §3.2): identify -> authenticate -> parse -> dispatch -> serialize.
import { authenticate, readSigningScope } from '../auth/index.js'
import type { AuthenticateOptions } from '../auth/index.js'
import { AwsError, internalFailure, isAwsError, requestId as newRequestId, type Clock } from '../aws/index.js'
import type { Dispatcher } from '../dispatch/index.js'
import type { HttpResponse, RawHttpRequest, ServiceCatalog } from '../protocol/index.js'

export interface AwsPipelineDeps {
  catalog: ServiceCatalog
  dispatcher: Dispatcher
  clock: Clock
  auth: Omit<AuthenticateOptions, 'now'>
  defaultRegion: string
  logError(message: string, error: unknown): void
}

export interface RequestOrigin {
  ip: string
  secure: boolean
}

export async function handleAwsRequest(request: RawHttpRequest, origin: RequestOrigin, deps: AwsPipelineDeps): Promise<HttpResponse> {
  const requestId = newRequestId()
  const scope = readSigningScope(request)
  let protocol = deps.catalog.guessProtocol(request, scope?.service)
  let ref
  try {
    ref = deps.catalog.identify(request, scope?.service) // 3. which service and operation
    protocol = ref.protocol
    const principal = await authenticate(request, protocol, { ...deps.auth, now: deps.clock.now() }) // 4. who
    const input = deps.catalog.parseInput(ref, request) // 5. what, validated against the model
    const output = deps.dispatcher.invoke({
      // 6-8. authorize, handle, audit
      service: ref.service,
      operation: ref.operation,
      input,
      principal,
      region: scope?.region ?? deps.defaultRegion,
      source: { ip: origin.ip, userAgent: request.headers['user-agent'] ?? '', secureTransport: origin.secure },
      requestId,
    })
    return deps.catalog.serializeOutput(ref, output, requestId) // 9. the answer
  } catch (error) {
    if (!isAwsError(error)) deps.logError(`request ${requestId} failed`, error)
    const awsError: AwsError = isAwsError(error) ? error : internalFailure()
    return deps.catalog.serializeError(protocol, awsError, requestId, ref)
  }
}
