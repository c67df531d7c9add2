//! What a task runner works with: the store, the runtime, the credentials and log workers the agent shares
//! between its runners, built once in createAgent.
import type { Clock } from '../aws/index.js'
import type { Principal } from '../auth/index.js'
import type { Store } from '../store/index.js'
import type { AgentRecords } from './agent-records.js'
import type { AgentAwsClient } from './aws-client.js'
import type { TaskCredentials } from './credentials/task-credentials.js'
import type { LogShipper } from './logs/log-shipper.js'
import type { ContainerRuntime } from './runtime/container-runtime.js'
import type { TaskStep } from './steps/task-step.js'
import type { TaskRecords } from './task-records.js'

export interface RunnerDeps {
  store: Store
  tasks: TaskRecords
  records: AgentRecords
  credentials: TaskCredentials
  runtime: ContainerRuntime
  shipper: LogShipper
  aws: AgentAwsClient
  clock: Clock
  dataDir: string
  steps: readonly TaskStep[]
  hostEnv: NodeJS.ProcessEnv
  agentEndpoint(): string
  apiEndpoint(): string
  lookupPrincipal(accessKeyId: string): Principal | undefined
  log(line: string): void
  /** The runner is done (task STOPPED or gone); the scheduler forgets it. */
  finished(taskArn: string): void
}
