//! Credentials ids -> role sessions the agent assumed for tasks (task role and execution role): issued and
//! refreshed through dispatch as ecs-tasks.amazonaws.com, persisted, and held in memory with the exact JSON body
//! the provider serves (research §1.3), so a fetch does no store read, no JSON work.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../aws/index.js'
import type { Collection } from '../../store/index.js'
import type { CredentialsRecord } from '../agent-records.js'
import { ecsTasksPrincipal, type AgentAwsClient } from '../aws-client.js'

export interface ServedCredentials {
  readonly record: CredentialsRecord
  /** Compact JSON in the agent's key order; undefined until the first assumption succeeded (503). */
  body?: string
  tokens: Set<string>
}

/** ECS names both task-role and execution-role sessions after the task id (research §0.7). */
export type IssueRequest = Pick<CredentialsRecord, 'taskArn' | 'accountId' | 'region' | 'roleArn' | 'roleType' | 'sessionName'> & {
  /** Containers' tokens bound from the start (with the record's first write, not one write per container later). */
  tokens?: readonly string[]
}

export interface TaskCredentialsOptions {
  records: Collection<CredentialsRecord>
  aws: AgentAwsClient
  clock: Clock
  lifetimeSeconds: number
  log(line: string): void
}

/** Longest setTimeout delay node accepts. */
const MAX_DELAY_MS = 2_147_483_647

export class TaskCredentials {
  private readonly served = new Map<string, ServedCredentials>()
  private readonly timers = new Map<string, NodeJS.Timeout>()

  constructor(private readonly options: TaskCredentialsOptions) {}

  /** Loads every persisted id (after a restart) and schedules their refreshes. */
  load(): void {
    for (const { value } of this.options.records.scan()) {
      this.remember(value)
      this.scheduleRefresh(value)
    }
  }

  get(credentialsId: string): ServedCredentials | undefined {
    return this.served.get(credentialsId)
  }

  /** Creates a credentials id and assumes the role; throws the AwsError STS answered (the id is then forgotten). */
  issue(request: IssueRequest): CredentialsRecord {
    const { tokens = [], ...rest } = request
    const record: CredentialsRecord = { credentialsId: randomUUID(), tokens: [...tokens], ...rest }
    this.assume(record)
    this.options.records.put('', record.credentialsId, record)
    this.remember(record)
    this.scheduleRefresh(record)
    return record
  }

  /** Binds a container's token to the id: only requests carrying one of these tokens are answered. */
  addToken(credentialsId: string, token: string): void {
    const served = this.served.get(credentialsId)
    if (!served || served.tokens.has(token)) return
    served.tokens.add(token)
    served.record.tokens.push(token)
    this.options.records.put('', credentialsId, served.record)
  }

  /** True when the id exists and its session does not expire within `marginMs`. */
  isFresh(credentialsId: string | undefined, marginMs = 60_000): boolean {
    const record = credentialsId ? this.served.get(credentialsId)?.record : undefined
    return !!record?.expiration && Date.parse(record.expiration) - this.options.clock.now().getTime() > marginMs
  }

  /** Forgets an id: later fetches answer 400 InvalidIdInRequest, as ECS does once a task is stopped (§1.7). */
  revoke(credentialsId: string | undefined): void {
    if (!credentialsId) return
    clearTimeout(this.timers.get(credentialsId))
    this.timers.delete(credentialsId)
    // Every stored id is served from load() or issue() on, until revoked: an id no longer served is stored no more.
    if (this.served.delete(credentialsId)) this.options.records.delete('', credentialsId)
  }

  /** Forgets every id in memory and stops refreshing (persisted records are left to the caller). */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    this.served.clear()
  }

  private assume(record: CredentialsRecord): void {
    const output = this.options.aws.call<{ Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: Date | string } }>({
      service: 'sts',
      operation: 'AssumeRole',
      input: { RoleArn: record.roleArn, RoleSessionName: record.sessionName, DurationSeconds: this.options.lifetimeSeconds },
      principal: ecsTasksPrincipal(record.accountId, record.taskArn),
      region: record.region,
    })
    const credentials = output.Credentials
    record.accessKeyId = credentials.AccessKeyId
    record.secretAccessKey = credentials.SecretAccessKey
    record.sessionToken = credentials.SessionToken
    record.expiration = rfc3339Seconds(new Date(credentials.Expiration))
    record.issuedAt = this.options.clock.now().toISOString()
  }

  private remember(record: CredentialsRecord): void {
    const existing = this.served.get(record.credentialsId)
    const served: ServedCredentials = existing ?? { record, tokens: new Set(record.tokens) }
    if (record.accessKeyId) {
      // Key order and spelling are the agent's IAMRoleCredentials JSON tags; compact, no newline.
      served.body = JSON.stringify({
        RoleArn: record.roleArn,
        AccessKeyId: record.accessKeyId,
        SecretAccessKey: record.secretAccessKey,
        Token: record.sessionToken,
        Expiration: record.expiration,
      })
    }
    this.served.set(record.credentialsId, served)
  }

  /**
   * Re-assumes well before expiry: when min(max(lifetime/4, 30 min), lifetime/2) remains — 90 min for six-hour
   * sessions, always before the SDKs' own 15-minute (botocore) and 5-minute (JS v3) refresh windows.
   */
  private scheduleRefresh(record: CredentialsRecord): void {
    if (!record.expiration) return
    const expires = Date.parse(record.expiration)
    const lifetime = expires - Date.parse(record.issuedAt ?? record.expiration)
    const margin = Math.min(Math.max(lifetime / 4, 30 * 60_000), lifetime / 2)
    this.schedule(record, expires - margin - this.options.clock.now().getTime())
  }

  private schedule(record: CredentialsRecord, delayMs: number): void {
    clearTimeout(this.timers.get(record.credentialsId))
    const timer = setTimeout(() => this.refresh(record.credentialsId), Math.min(Math.max(delayMs, 0), MAX_DELAY_MS))
    timer.unref()
    this.timers.set(record.credentialsId, timer)
  }

  private refresh(credentialsId: string): void {
    const served = this.served.get(credentialsId)
    if (!served) return
    const record = served.record
    // Never mutate the served record before STS answered: a failed refresh keeps serving the current keys.
    const next: CredentialsRecord = { ...record, tokens: [...served.tokens] }
    try {
      this.assume(next)
    } catch (error) {
      const remaining = Date.parse(record.expiration ?? '') - this.options.clock.now().getTime()
      this.options.log(`agent: refreshing ${record.roleType} credentials of ${record.taskArn} failed: ${(error as Error).message}`)
      this.schedule(record, Math.min(60_000, Math.max(1_000, remaining / 4)))
      return
    }
    if (!this.served.has(credentialsId)) return
    this.options.records.put('', credentialsId, next)
    this.served.set(credentialsId, { record: next, tokens: served.tokens, body: served.body })
    this.remember(next)
    this.scheduleRefresh(next)
  }
}

/** YYYY-MM-DDTHH:MM:SSZ: strict RFC 3339 UTC without fractions, which JS v3's fromHttp requires (§0.6). */
export function rfc3339Seconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
