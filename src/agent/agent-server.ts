//! The agent's loopback HTTP server (the ECS agent's 127.0.0.1:51679 task server): credentials provider and task
//! metadata v3/v4 on one listener, optionally a second one on 169.254.170.2:80 (research §1.1, §3.1).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AgentTaskState, ContainerState } from './agent-records.js'
import { answerCredentials } from './credentials/credentials-provider.js'
import type { TaskCredentials } from './credentials/task-credentials.js'
import type { ContainerStats } from './metadata/container-stats.js'
import { containerMetadata, taskMetadata, type MetadataVersion, type MetadataView } from './metadata/metadata-v4.js'

export interface MetadataSource {
  /** The task and container behind a v3/v4 endpoint id. */
  find(endpointId: string): { view: MetadataView; container: ContainerState } | undefined
  isRunning(state: AgentTaskState, container: ContainerState): boolean
}

export interface AgentHandlerOptions {
  credentials: TaskCredentials
  metadata: MetadataSource
  stats: ContainerStats
}

const JSON_HEADERS = { 'Content-Type': 'application/json' }

export function createAgentRequestHandler(options: AgentHandlerOptions, linkLocal: boolean) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://agent')
    const path = url.pathname
    // gorilla/mux cleans paths with a 301 (task_server_setup.go, SkipClean(false)).
    const clean = path.replace(/\/{2,}/g, '/')
    if (clean !== path) {
      send(response, 301, { Location: clean + url.search }, '')
      return
    }
    const credentials = answerCredentials(
      { path, query: url.searchParams, authorization: header(request, 'authorization'), linkLocal },
      options.credentials,
    )
    if (credentials) {
      send(response, credentials.status, JSON_HEADERS, credentials.body)
      return
    }
    const metadata = /^\/(v3|v4)\/([^/]*)(\/task|\/taskWithTags|\/stats|\/task\/stats)?$/.exec(path)
    if (metadata) {
      const [, version, endpointId, route] = metadata as unknown as [string, MetadataVersion, string, string | undefined]
      const answer = answerMetadata(options, version, endpointId, route ?? '')
      send(response, answer.status, JSON_HEADERS, JSON.stringify(answer.body))
      return
    }
    send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, '404 page not found\n')
  }
}

/** Go's net/http buffers this much of a handler's answer before it must frame the rest chunked. */
const GO_CHUNKING_BUFFER = 2048

/**
 * Framed as the agent's Go server frames it: an answer the handler wrote whole within Go's 2,048-byte buffer gets a
 * Content-Length (credentials, errors, most metadata), a longer one goes chunked (a large task's metadata). node:http,
 * left alone, would frame every answer chunked, its headers being written before the body.
 */
function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  const length = Buffer.byteLength(body)
  response.writeHead(status, length < GO_CHUNKING_BUFFER ? { ...headers, 'Content-Length': String(length) } : headers).end(body)
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function answerMetadata(options: AgentHandlerOptions, version: MetadataVersion, endpointId: string, route: string): { status: number; body: unknown } {
  const found = options.metadata.find(endpointId)
  const V = version.toUpperCase()
  if (!found) {
    // The agent answers an unknown endpoint id with a JSON string (v4 handlers.go getContainerErrorResponse).
    const message = route.startsWith('/task')
      ? `${V} task metadata handler: unable to get task arn from request: unable to get task Arn from v3 endpoint ID: ${endpointId}`
      : `${V} container metadata handler: unable to get container ID from request: unable to get docker ID from v3 endpoint ID: ${endpointId}`
    return { status: 404, body: message }
  }
  const { view, container } = found
  switch (route) {
    case '':
      return { status: 200, body: containerMetadata(view, container, version) }
    case '/task':
      return { status: 200, body: taskMetadata(view, version) }
    case '/taskWithTags': {
      const body = taskMetadata(view, version)
      body.TaskTags = Object.fromEntries((view.task.tags ?? []).map((t) => [t.key, t.value]))
      if (view.task.launchType !== 'FARGATE') body.ContainerInstanceTags = {}
      return { status: 200, body }
    }
    case '/stats':
      return { status: 200, body: statsOf(options, view, container) }
    default: {
      const all: Record<string, unknown> = {}
      for (const c of view.state.containers) all[c.runtimeId] = statsOf(options, view, c)
      return { status: 200, body: all }
    }
  }
}

function statsOf(options: AgentHandlerOptions, view: MetadataView, container: ContainerState) {
  const definition = view.definition.containerDefinitions.find((c) => c.name === container.name)
  return options.stats.stats({
    runtimeId: container.runtimeId,
    name: container.name,
    pgid: container.pgid,
    running: options.metadata.isRunning(view.state, container),
    memoryLimitMiB: definition?.memory,
  })
}

/** Listens on host:port; retries a busy port for a few seconds (the previous taskrole may still be closing). */
export async function listen(server: Server, host: string, port: number, retryMs = 5_000): Promise<number> {
  const deadline = Date.now() + retryMs
  for (;;) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolve()
        })
      })
      return (server.address() as AddressInfo).port
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export function createAgentServer(options: AgentHandlerOptions, linkLocal: boolean): Server {
  const server = createServer({ keepAliveTimeout: 5_000 }, createAgentRequestHandler(options, linkLocal))
  // The agent's 5 s read/write timeouts ("as per AWS SDK defaults").
  server.requestTimeout = 5_000
  return server
}
