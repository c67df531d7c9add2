//! The principal of a task's execution-role session, which the agent acts as (logs, secrets, pulls): looked up
//! once per access key, again only when a refresh changed the key.
import type { Principal } from '../../auth/index.js'
import type { TaskCredentials } from './task-credentials.js'

export class ExecutionPrincipal {
  private cached: { accessKeyId: string; principal: Principal | undefined } | undefined

  constructor(
    private readonly credentials: TaskCredentials,
    private readonly lookup: (accessKeyId: string) => Principal | undefined,
  ) {}

  /** Undefined while the task has no execution-role session (none, or not assumed yet). */
  of(executionCredentialsId: string | undefined): Principal | undefined {
    const record = executionCredentialsId ? this.credentials.get(executionCredentialsId)?.record : undefined
    if (!record?.accessKeyId) return undefined
    if (this.cached?.accessKeyId !== record.accessKeyId) this.cached = { accessKeyId: record.accessKeyId, principal: this.lookup(record.accessKeyId) }
    return this.cached.principal
  }
}
