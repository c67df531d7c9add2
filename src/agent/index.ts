//! The embedded ECS agent: runs tasks' containers as local processes, serves their credentials and task metadata
//! on a loopback port that survives restarts, and ships their output to CloudWatch Logs — every AWS call through
//! dispatch as the principal ECS would use (DESIGN.md §3).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { join } from 'node:path'
import type { Clock } from '../aws/index.js'
import { createCredentialLookup } from '../auth/index.js'
import type { Dispatcher } from '../dispatch/index.js'
import type { Store } from '../store/index.js'
import { agentRecords } from './agent-records.js'
import { createAgentServer, listen, type AgentHandlerOptions } from './agent-server.js'
import { createAgentAwsClient } from './aws-client.js'
import { TaskCredentials } from './credentials/task-credentials.js'
import { LogShipper } from './logs/log-shipper.js'
import { ContainerStats } from './metadata/container-stats.js'
import { createProcessRuntime } from './runtime/process-runtime.js'
import { processStartTime } from './runtime/process-table.js'
import { Scheduler } from './scheduler.js'
import { TASK_STEPS } from './steps/task-steps.js'
import { TaskRecords } from './task-records.js'

export interface AgentOptions {
  dispatcher: Dispatcher
  store: Store
  clock: Clock
  dataDir: string
  /** Lifetime of task-role sessions (ECS: six hours). */
  taskCredentialSeconds: number
  /** taskrole's own API endpoint, given to containers as AWS_ENDPOINT_URL. */
  apiEndpoint: () => string
  defaultRegion: string
  /** Also serve /v2/credentials/<id> without a token on 169.254.170.2:80 (when it can be bound). */
  linkLocal: boolean
  log(line: string): void
  /** Fixed loopback port for the credentials and metadata server; otherwise the last one used (or a free one). */
  credentialsPort?: number
}

export interface Agent {
  /** A task was stored as PROVISIONING or asked to stop (services/ecs calls this after its commit). */
  taskChanged(taskArn: string): void
  /** Binds the credentials/metadata server (same port as last time) and resumes tasks after a restart. */
  start(): Promise<void>
  /** Stops the servers and timers; container processes keep RUNNING (a restart is a non-event). */
  stop(): Promise<void>
  /** POST /_taskrole/reset: kills every container and forgets every task and credential. */
  reset(): Promise<void>
  /** http://127.0.0.1:<port> once started. */
  readonly credentialsEndpoint: string
}

export type { ContainerRuntime, ContainerSpec, ContainerHandle } from './runtime/container-runtime.js'
export type { TaskStep, StepContext, StepPhase } from './steps/task-step.js'
export { StepFailure } from './steps/task-step.js'

/** 169.254.170.2:80, where ECS containers reach the agent (research §1.1). */
const LINK_LOCAL_HOST = '169.254.170.2'

export function createAgent(options: AgentOptions): Agent {
  const { store, clock, dataDir, log } = options
  const records = agentRecords(store)
  const aws = createAgentAwsClient(options.dispatcher)
  const tasks = new TaskRecords(store)
  const lookup = createCredentialLookup(store)
  const runtime = createProcessRuntime()
  const stats = new ContainerStats()
  const portFile = join(dataDir, 'agent', 'credentials-port')
  let credentials = newCredentials()
  let shipper: LogShipper | undefined
  let scheduler: Scheduler | undefined
  const servers: Server[] = []
  let port = 0
  // Read at each request, so reset() can swap in fresh workers under the same listeners.
  const handler: AgentHandlerOptions = { credentials, metadata: { find: () => undefined, isRunning: () => false }, stats }

  function newCredentials() {
    return new TaskCredentials({ records: records.credentials, aws, clock, lifetimeSeconds: options.taskCredentialSeconds, log })
  }

  function startWorkers(): Scheduler {
    shipper = new LogShipper({ aws, store, offsets: records.logOffsets, clock, log })
    scheduler = new Scheduler({
      store,
      tasks,
      records,
      credentials,
      runtime,
      shipper,
      aws,
      clock,
      dataDir,
      steps: TASK_STEPS,
      hostEnv: process.env,
      agentEndpoint: () => `http://127.0.0.1:${port}`,
      apiEndpoint: options.apiEndpoint,
      lookupPrincipal: (accessKeyId) => lookup(accessKeyId)?.principal,
      log,
    })
    handler.credentials = credentials
    handler.metadata = scheduler
    return scheduler
  }

  async function stopWorkers(kill: boolean): Promise<void> {
    if (scheduler) await (kill ? scheduler.reset() : scheduler.close())
    await shipper?.close()
    credentials.close()
    scheduler = undefined
    shipper = undefined
  }

  return {
    taskChanged(taskArn) {
      // Before start() nothing runs: start() resumes every unfinished task anyway.
      scheduler?.taskChanged(taskArn)
    },

    async start() {
      credentials.load()
      // Ids of tasks that stopped (or vanished) while taskrole was down answer InvalidIdInRequest, as on ECS.
      for (const { value } of records.credentials.scan()) {
        const task = tasks.get(value.taskArn)
        if (!task || task.lastStatus === 'STOPPED') store.transaction(() => credentials.revoke(value.credentialsId))
      }
      const workers = startWorkers()
      const wanted = options.credentialsPort ?? readPort(portFile)
      const server = createAgentServer(handler, false)
      try {
        port = await listen(server, '127.0.0.1', wanted ?? 0)
      } catch (error) {
        if (options.credentialsPort !== undefined || wanted === undefined) throw error
        log(`agent: credentials port ${wanted} is taken (${(error as Error).message}); tasks started earlier lose their endpoint`)
        port = await listen(server, '127.0.0.1', 0)
      }
      servers.push(server)
      mkdirSync(join(dataDir, 'agent'), { recursive: true })
      writeFileSync(portFile, `${port}\n`)
      if (options.linkLocal) {
        const linkLocal = createAgentServer(handler, true)
        try {
          await listen(linkLocal, LINK_LOCAL_HOST, 80, 0)
          servers.push(linkLocal)
          log(`agent: serving credentials on http://${LINK_LOCAL_HOST}:80 (no token needed there, as on ECS)`)
        } catch (error) {
          log(`agent: cannot listen on ${LINK_LOCAL_HOST}:80 (${(error as Error).message}); containers use the loopback endpoint`)
        }
      }
      workers.resume()
    },

    async stop() {
      await stopWorkers(false)
      runtime.close()
      await Promise.all(servers.splice(0).map((server) => new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })))
    },

    async reset() {
      await stopWorkers(true)
      // Processes of tasks no runner held (their TaskRecord is gone) are killed too.
      for (const { value } of records.tasks.scan()) {
        for (const container of value.containers) {
          if (container.pid === undefined || container.exited || processStartTime(container.pid) !== container.processStartTime) continue
          try {
            process.kill(-(container.pgid ?? container.pid), 'SIGKILL')
          } catch {
            // already gone
          }
        }
      }
      store.transaction(() => {
        for (const collection of [records.tasks, records.credentials, records.logOffsets]) {
          for (const row of collection.scan()) collection.delete(row.scope, row.key)
        }
      })
      rmSync(join(dataDir, 'agent', 'tasks'), { recursive: true, force: true })
      credentials = newCredentials()
      startWorkers()
    },

    get credentialsEndpoint() {
      return `http://127.0.0.1:${port}`
    },
  }
}

function readPort(file: string): number | undefined {
  try {
    const port = Number(readFileSync(file, 'utf8').trim())
    return Number.isInteger(port) && port > 0 ? port : undefined
  } catch {
    return undefined
  }
}
