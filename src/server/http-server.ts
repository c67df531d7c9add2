//! The node:http listener: body limit, admin routes vs the AWS pipeline, graceful shutdown.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { RawHttpRequest } from '../protocol/index.js'
import { handleAwsRequest, type AwsPipelineDeps } from './aws-pipeline.js'
import { BodyTooLarge, readBody } from './read-body.js'
import { routeAdmin, type AdminDeps } from './routes.js'

/** ECR layer parts are the largest bodies clients send here. */
const BODY_LIMIT = 64 * 1024 * 1024

export interface HttpServerDeps {
  pipeline: AwsPipelineDeps
  admin: AdminDeps
  accessLog?: (line: string) => void
}

export function createHttpServer(deps: HttpServerDeps): Server {
  const server = createServer((request, response) => {
    handle(request, response, deps).catch((error) => {
      deps.pipeline.logError('unhandled request failure', error)
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain' }, '')
      else response.end()
    })
  })
  server.keepAliveTimeout = 65_000
  return server
}

async function handle(request: IncomingMessage, response: ServerResponse, deps: HttpServerDeps): Promise<void> {
  const url = request.url ?? '/'
  const queryAt = url.indexOf('?')
  const path = queryAt < 0 ? url : url.slice(0, queryAt)
  const routed = routeAdmin(request.method ?? 'GET', path, deps.admin)
  if (routed) {
    const admin = await routed
    request.resume()
    send(response, admin.status, { 'content-type': 'application/json' }, admin.body)
    return
  }
  let body: Buffer
  try {
    body = await readBody(request, BODY_LIMIT)
  } catch (error) {
    const tooLarge = error instanceof BodyTooLarge
    send(response, tooLarge ? 413 : 400, { 'content-type': 'text/plain', connection: 'close' }, tooLarge ? 'Request Entity Too Large' : 'Bad Request')
    return
  }
  const raw: RawHttpRequest = {
    method: request.method ?? 'GET',
    path,
    query: queryAt < 0 ? '' : url.slice(queryAt + 1),
    headers: request.headers as Record<string, string>,
    body,
  }
  const remote = request.socket.remoteAddress ?? '127.0.0.1'
  const answer = await handleAwsRequest(raw, { ip: remote.startsWith('::ffff:') ? remote.slice(7) : remote, secure: false }, deps.pipeline)
  send(response, answer.status, answer.headers, answer.body)
  deps.accessLog?.(`${raw.method} ${path} ${answer.status} ${raw.headers['x-amz-target'] ?? ''}`)
}

/**
 * Answers with a Content-Length, as AWS's endpoints do: node:http frames a body chunked when the headers are written
 * before the body is known (writeHead, then end), which no AWS endpoint does.
 */
function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) })
  response.end(body)
}
