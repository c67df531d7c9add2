//! Composition root: opens the store, builds the authorizer, services, dispatcher, agent and HTTP server.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SigningKeyCache } from './auth/index.js'
import { createCredentialLookup } from './auth/index.js'
import { createAgent, type Agent } from './agent/index.js'
import { systemClock, type Clock } from './aws/index.js'
import { CompiledPolicyCache, createAuthorizer } from './authz/index.js'
import type { TaskroleConfig } from './config.js'
import { createDispatcher, OperationRegistry, type Dispatcher } from './dispatch/index.js'
import { ServiceCatalog } from './protocol/index.js'
import { bootstrapAccount } from './server/admin/bootstrap-account.js'
import { createHttpServer } from './server/http-server.js'
import { buildServices, SERVED_MODELS } from './services/index.js'
import { openStore, type Store } from './store/index.js'

export interface RunningTaskrole {
  readonly port: number
  readonly endpoint: string
  readonly store: Store
  readonly dispatcher: Dispatcher
  close(): Promise<void>
}

export interface AppOptions {
  clock?: Clock
  log?: (line: string) => void
}

export async function startTaskrole(config: TaskroleConfig, options: AppOptions = {}): Promise<RunningTaskrole> {
  const clock = options.clock ?? systemClock
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'))
  const store = openStore(config.dataDir)
  const registry = new OperationRegistry()
  const authorizer = createAuthorizer({ store, cache: new CompiledPolicyCache(), mode: config.enforcement })
  const dispatcher = createDispatcher({ store, authorizer, registry, clock })
  let endpoint = ''
  // The agent and ECS need each other: ECS wakes the agent after a commit, the agent calls ECS's peers through dispatch.
  let agent: Agent | undefined
  for (const service of buildServices({ taskChanged: (taskArn) => agent?.taskChanged(taskArn), endpoint: () => endpoint })) {
    registry.register(service)
  }
  const catalog = new ServiceCatalog({ modelsDir: config.modelsDir, services: SERVED_MODELS })
  const logError = (message: string, error: unknown) => log(`error: ${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)

  const server: Server = createHttpServer({
    pipeline: {
      catalog,
      dispatcher,
      clock,
      auth: {
        rootSecret: config.rootSecret,
        defaultAccount: config.defaultAccount,
        lenient: config.auth === 'lenient',
        lookupCredential: createCredentialLookup(store),
        signingKeys: new SigningKeyCache(),
      },
      defaultRegion: config.region,
      logError,
    },
    admin: {
      store,
      startedAt: clock.now(),
      reset: async () => {
        await agent?.reset()
        store.reset()
        dispatcher.authorizer.forgetPolicies()
      },
      bootstrapAccount: (accountId) => bootstrapAccount(dispatcher, accountId, config.region),
    },
    accessLog: config.accessLog ? log : undefined,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  endpoint = `http://${host}:${port}`
  agent = createAgent({
    dispatcher,
    store,
    clock,
    dataDir: config.dataDir,
    taskCredentialSeconds: config.taskCredentialSeconds,
    apiEndpoint: () => endpoint,
    defaultRegion: config.region,
    linkLocal: config.linkLocal,
    log,
  })
  await agent.start()
  return {
    port,
    endpoint: `http://${host}:${port}`,
    store,
    dispatcher,
    async close() {
      await agent?.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      store.close()
    },
  }
}
