//! Test double for the agent's unit tests: a Dispatcher answering sts:AssumeRole and the logs calls the agent makes,
//! storing sessions where auth/ looks them up, with switches to refuse calls as IAM would. Not part of the build.
import { AwsError, accessKeyId, assumedRoleArn, secretAccessKey, sessionToken, uniqueId, type Clock } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import type { Call, Dispatcher } from '../../dispatch/index.js'
import {
  ECS_COLLECTIONS,
  SESSION_COLLECTION,
  ecsScope,
  taskDefinitionKey,
  type ContainerDefinition,
  type SessionCredentialRecord,
  type Store,
  type TaskDefinitionRecord,
  type TaskRecord,
} from '../../store/index.js'

export interface FakeAws {
  dispatcher: Dispatcher
  calls: Call[]
  /** `${group}/${stream}` -> messages */
  streams: Map<string, string[]>
  groups: Set<string>
  /** Operations (e.g. 'logs:CreateLogStream', 'sts:AssumeRole') answered with AccessDenied. */
  deny: Set<string>
}

export function createFakeAws(store: Store, clock: Clock): FakeAws {
  const calls: Call[] = []
  const streams = new Map<string, string[]>()
  const groups = new Set<string>()
  const deny = new Set<string>()
  const sessions = store.documents.collection<SessionCredentialRecord>(SESSION_COLLECTION)

  function denied(call: Call, action: string, resource: string): AwsError {
    const who = call.principal.type === 'AWSService' ? call.principal.service : call.principal.arn
    const code = call.service === 'sts' ? 'AccessDenied' : 'AccessDeniedException'
    return new AwsError(code, `User: ${who} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`)
  }

  function invoke(call: Call): unknown {
    calls.push(call)
    const input = call.input as Record<string, any>
    const key = `${call.service}:${call.operation}`
    if (key === 'sts:AssumeRole') {
      if (deny.has(key) || deny.has(`${key}:${input.RoleArn}`)) throw denied(call, 'sts:AssumeRole', input.RoleArn)
      const now = clock.now()
      const expiration = new Date(now.getTime() + (input.DurationSeconds ?? 3600) * 1000)
      const account = /::(\d{12}):/.exec(input.RoleArn)![1]!
      const roleName = input.RoleArn.split('/').pop()
      const roleId = uniqueId('AROA')
      const principal: Principal = {
        type: 'AssumedRole',
        accountId: account,
        arn: assumedRoleArn(account, roleName, input.RoleSessionName),
        userId: `${roleId}:${input.RoleSessionName}`,
        roleArn: input.RoleArn,
        roleId,
        roleName,
        rolePath: '/',
        sessionName: input.RoleSessionName,
        accessKeyId: accessKeyId('ASIA'),
        session: {
          issuedAt: now,
          expiresAt: expiration,
          sessionPolicies: [],
          tags: {},
          transitiveTagKeys: [],
          chained: false,
          mfaPresent: false,
          issuer: { type: 'Role', arn: input.RoleArn, principalId: roleId, accountId: account, userName: roleName },
        },
      }
      const credentials = { AccessKeyId: principal.accessKeyId, SecretAccessKey: secretAccessKey(), SessionToken: sessionToken(), Expiration: expiration }
      sessions.put('', credentials.AccessKeyId, {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        expiresAt: expiration.toISOString(),
        principal,
      })
      return { Credentials: credentials, AssumedRoleUser: { Arn: principal.arn, AssumedRoleId: principal.userId } }
    }
    const streamArn = `arn:aws:logs:${call.region}:${principalAccount(call.principal)}:log-group:${input.logGroupName}:log-stream:${input.logStreamName ?? ''}`
    if (deny.has(key)) throw denied(call, `logs:${call.operation}`, streamArn)
    switch (key) {
      case 'logs:CreateLogGroup':
        if (groups.has(input.logGroupName)) throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists')
        groups.add(input.logGroupName)
        return {}
      case 'logs:CreateLogStream': {
        if (!groups.has(input.logGroupName)) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.')
        const name = `${input.logGroupName}/${input.logStreamName}`
        if (streams.has(name)) throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists')
        streams.set(name, [])
        return {}
      }
      case 'logs:PutLogEvents': {
        const stream = streams.get(`${input.logGroupName}/${input.logStreamName}`)
        if (!stream) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.')
        for (const event of input.logEvents) stream.push(event.message)
        return { nextSequenceToken: String(stream.length) }
      }
    }
    throw new AwsError('InvalidAction', `fake: ${key} is not implemented`)
  }

  return { dispatcher: { invoke, registry: undefined as never, authorizer: undefined as never }, calls, streams, groups, deny }
}

function principalAccount(principal: Principal): string {
  return principal.type === 'AWSService' ? principal.sourceAccount : principal.accountId
}

export interface FakeTaskOptions {
  account?: string
  region?: string
  launchType?: 'FARGATE' | 'EC2'
  taskRoleArn?: string
  executionRoleArn?: string
  containers: ContainerDefinition[]
  overrides?: TaskRecord['overrides']
}

/** Stores a task definition and a PROVISIONING task the way services/ecs RunTask does; returns the task ARN. */
export function storeTask(store: Store, options: FakeTaskOptions): string {
  const account = options.account ?? '111122223333'
  const region = options.region ?? 'us-east-1'
  const family = `family-${Math.random().toString(16).slice(2, 10)}`
  const taskId = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')
  const scope = ecsScope(account, region)
  const definition: TaskDefinitionRecord = {
    taskDefinitionArn: `arn:aws:ecs:${region}:${account}:task-definition/${family}:1`,
    family,
    revision: 1,
    status: 'ACTIVE',
    taskRoleArn: options.taskRoleArn,
    executionRoleArn: options.executionRoleArn,
    networkMode: options.launchType === 'EC2' ? 'bridge' : 'awsvpc',
    containerDefinitions: options.containers,
    requiresAttributes: [],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '256',
    memory: '512',
    registeredAt: new Date().toISOString(),
    registeredBy: `arn:aws:iam::${account}:root`,
  }
  const taskArn = `arn:aws:ecs:${region}:${account}:task/default/${taskId}`
  const task: TaskRecord = {
    taskArn,
    taskId,
    clusterArn: `arn:aws:ecs:${region}:${account}:cluster/default`,
    clusterName: 'default',
    accountId: account,
    region,
    taskDefinitionArn: definition.taskDefinitionArn,
    launchType: options.launchType ?? 'FARGATE',
    containerInstanceArn: options.launchType === 'EC2' ? `arn:aws:ecs:${region}:${account}:container-instance/default/abc` : undefined,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    createdAt: new Date().toISOString(),
    group: `family:${family}`,
    cpu: '256',
    memory: '512',
    overrides: options.overrides ?? {},
    taskRoleArn: options.taskRoleArn,
    executionRoleArn: options.executionRoleArn,
    attachments: [],
    tags: [],
    containers: options.containers.map((c) => ({
      containerArn: `arn:aws:ecs:${region}:${account}:container/default/${taskId}/${crypto.randomUUID()}`,
      taskArn,
      name: c.name,
      image: c.image,
      lastStatus: 'PENDING',
    })),
    version: 1,
  }
  store.transaction(() => {
    store.documents.collection(ECS_COLLECTIONS.taskDefinitions).put(scope, taskDefinitionKey(family, 1), definition)
    store.documents.collection(ECS_COLLECTIONS.tasks).put(scope, `default/${taskId}`, task)
  })
  return taskArn
}

/** services/ecs StopTask: desiredStatus STOPPED with the caller's reason. */
export function stopStoredTask(store: Store, taskArn: string, reason?: string): void {
  const [, region, account, , cluster, taskId] = /^arn:aws:ecs:([^:]+):(\d+):(task)\/([^/]+)\/(.+)$/.exec(taskArn)!
  const tasks = store.documents.collection<TaskRecord>(ECS_COLLECTIONS.tasks)
  store.transaction(() => {
    const task = tasks.get(ecsScope(account!, region!), `${cluster}/${taskId}`)!
    task.desiredStatus = 'STOPPED'
    task.stopCode = 'UserInitiated'
    task.stoppedReason = reason ?? 'Task stopped by user'
    task.stoppingAt = new Date().toISOString()
    tasks.put(ecsScope(account!, region!), `${cluster}/${taskId}`, task)
  })
}
