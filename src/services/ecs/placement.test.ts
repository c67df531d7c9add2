//! Placement table: ATTRIBUTE, RESOURCE:PORTS (Windows port 80), RESOURCE:CPU/MEMORY, memberOf, distinctInstance.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { ContainerInstanceRecord, TaskDefinitionRecord, TaskRecord } from '../../store/index.js'
import { parseClusterQuery } from './cluster-query.js'
import { candidateFrom, needsOf, placeOnInstance, placeTasks, type PlacementRequest } from './placement.js'
import { TASK_IAM_ROLE_CAPABILITY } from './requires-attributes.js'

const LINUX_PORTS = ['22', '2375', '2376', '51678', '51679']
const WINDOWS_PORTS = ['53', '135', '139', '445', '2375', '2376', '3389', '5985', '5986', '51678', '51679']

function instance(id: string, options: { os?: string; taskRole?: boolean; cpu?: number; memory?: number; ports?: string[]; connected?: boolean; extra?: Array<{ name: string; value?: string }> } = {}): ContainerInstanceRecord {
  const attributes: Array<{ name: string; value?: string }> = [{ name: 'ecs.os-type', value: options.os ?? 'linux' }, ...(options.extra ?? [])]
  if (options.taskRole) attributes.push({ name: TASK_IAM_ROLE_CAPABILITY })
  const registered = [
    { name: 'CPU', type: 'INTEGER', integerValue: options.cpu ?? 2048 },
    { name: 'MEMORY', type: 'INTEGER', integerValue: options.memory ?? 4096 },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: options.ports ?? LINUX_PORTS },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
  ]
  return {
    containerInstanceArn: `arn:aws:ecs:us-east-1:111122223333:container-instance/c/${id}`,
    containerInstanceId: id,
    clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/c',
    status: 'ACTIVE',
    agentConnected: options.connected ?? true,
    attributes,
    registeredResources: registered,
    remainingResources: registered,
    registeredAt: '2025-01-01T00:00:00.000Z',
    runningTasksCount: 0,
    pendingTasksCount: 0,
    tags: [],
    version: 1,
  }
}

function definition(options: { hostPort?: number; cpu?: number; memory?: number; networkMode?: string; protocol?: string } = {}): TaskDefinitionRecord {
  return {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:111122223333:task-definition/web:1',
    family: 'web',
    revision: 1,
    status: 'ACTIVE',
    networkMode: options.networkMode,
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx',
        cpu: options.cpu ?? 256,
        memory: options.memory ?? 512,
        portMappings: options.hostPort === undefined ? [] : [{ containerPort: 80, hostPort: options.hostPort, protocol: options.protocol ?? 'tcp' }],
      },
    ],
    requiresAttributes: [],
    compatibilities: ['EC2'],
    registeredAt: '2025-01-01T00:00:00.000Z',
    registeredBy: 'arn:aws:iam::111122223333:root',
  }
}

function request(def: TaskDefinitionRecord, extra: Partial<PlacementRequest> = {}): PlacementRequest {
  return { needs: needsOf(def), requiresAttributes: [], memberOf: [], distinctInstance: false, group: 'family:web', count: 1, ...extra }
}

function runningTask(def: TaskDefinitionRecord, group = 'family:web'): { task: TaskRecord; needs: ReturnType<typeof needsOf> } {
  return { task: { group, lastStatus: 'RUNNING' } as TaskRecord, needs: needsOf(def) }
}

const cases: Array<{ name: string; instances: ContainerInstanceRecord[]; req: PlacementRequest; placed: number; reasons: string[] }> = [
  {
    name: 'an instance without the task-iam-role capability: ATTRIBUTE',
    instances: [instance('linux')],
    req: request(definition(), { requiresAttributes: [{ name: TASK_IAM_ROLE_CAPABILITY }] }),
    placed: 0,
    reasons: ['ATTRIBUTE'],
  },
  {
    name: 'an instance with the capability takes a task with a task role',
    instances: [instance('linux', { taskRole: true })],
    req: request(definition(), { requiresAttributes: [{ name: TASK_IAM_ROLE_CAPABILITY }] }),
    placed: 1,
    reasons: [],
  },
  {
    name: 'an attribute required with a value must have that value',
    instances: [instance('a', { extra: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] })],
    req: request(definition(), { requiresAttributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }] }),
    placed: 0,
    reasons: ['ATTRIBUTE'],
  },
  {
    name: 'host port 80 on a Windows instance with task IAM roles: RESOURCE:PORTS (the credentials proxy owns it)',
    instances: [instance('win', { os: 'windows', taskRole: true, ports: WINDOWS_PORTS })],
    req: request(definition({ hostPort: 80 })),
    placed: 0,
    reasons: ['RESOURCE:PORTS'],
  },
  {
    name: 'host port 80 on a Windows instance without task IAM roles is free',
    instances: [instance('win', { os: 'windows', ports: WINDOWS_PORTS })],
    req: request(definition({ hostPort: 80 })),
    placed: 1,
    reasons: [],
  },
  {
    name: 'host port 80 on a Linux instance with task IAM roles is free (iptables, no reserved port)',
    instances: [instance('linux', { taskRole: true })],
    req: request(definition({ hostPort: 80 })),
    placed: 1,
    reasons: [],
  },
  {
    name: 'host port 8080 on the Windows task-role instance is free',
    instances: [instance('win', { os: 'windows', taskRole: true, ports: WINDOWS_PORTS })],
    req: request(definition({ hostPort: 8080 })),
    placed: 1,
    reasons: [],
  },
  {
    name: 'a reserved port (22) cannot be mapped',
    instances: [instance('linux')],
    req: request(definition({ hostPort: 22 })),
    placed: 0,
    reasons: ['RESOURCE:PORTS'],
  },
  {
    name: 'a udp host port only conflicts with udp: tcp 22 reserved, udp 22 free',
    instances: [instance('linux')],
    req: request(definition({ hostPort: 22, protocol: 'udp' })),
    placed: 1,
    reasons: [],
  },
  {
    name: 'awsvpc tasks bind no host port',
    instances: [instance('linux')],
    req: request(definition({ hostPort: 22, networkMode: 'awsvpc' })),
    placed: 1,
    reasons: [],
  },
  {
    name: 'more CPU than the instance has: RESOURCE:CPU',
    instances: [instance('small', { cpu: 128 })],
    req: request(definition({ cpu: 256 })),
    placed: 0,
    reasons: ['RESOURCE:CPU'],
  },
  {
    name: 'more memory than the instance has: RESOURCE:MEMORY',
    instances: [instance('small', { memory: 256 })],
    req: request(definition({ memory: 512 })),
    placed: 0,
    reasons: ['RESOURCE:MEMORY'],
  },
  {
    name: 'memberOf picks the instance whose attribute matches; the other is refused with its reason',
    instances: [instance('linux'), instance('win', { os: 'windows', ports: WINDOWS_PORTS })],
    req: request(definition(), { memberOf: [parseClusterQuery('attribute:ecs.os-type == windows')] }),
    placed: 1,
    reasons: [],
  },
  {
    name: 'memberOf matching no instance',
    instances: [instance('linux')],
    req: request(definition(), { memberOf: [parseClusterQuery('attribute:ecs.os-type == windows')] }),
    placed: 0,
    reasons: ['MemberOf placement constraint unsatisfied.'],
  },
  {
    name: 'distinctInstance: two tasks need two instances',
    instances: [instance('a')],
    req: request(definition(), { distinctInstance: true, count: 2 }),
    placed: 1,
    reasons: ['DistinctInstance placement constraint unsatisfied.'],
  },
  {
    name: 'distinctInstance with two instances places both',
    instances: [instance('a'), instance('b')],
    req: request(definition(), { distinctInstance: true, count: 2 }),
    placed: 2,
    reasons: [],
  },
  {
    name: 'a disconnected agent: AGENT',
    instances: [instance('a', { connected: false })],
    req: request(definition()),
    placed: 0,
    reasons: ['AGENT'],
  },
  {
    name: 'count 3 on an instance with room for 2 (memory): two placed, RESOURCE:MEMORY for the third',
    instances: [instance('a', { memory: 1024 })],
    req: request(definition({ memory: 512 }), { count: 3 }),
    placed: 2,
    reasons: ['RESOURCE:MEMORY'],
  },
]

for (const c of cases) {
  test(`placement: ${c.name}`, () => {
    const result = placeTasks(c.instances.map((i) => candidateFrom(i, [])), c.req)
    assert.equal(result.placements.length, c.placed)
    assert.deepEqual([...new Set(result.failures.map((f) => f.reason))].sort(), [...c.reasons].sort())
    for (const failure of result.failures) assert.match(failure.arn, /:container-instance\/c\//)
  })
}

test('placement: a host port bound by a running task is taken; a stopped task frees it (recomputed, not counted)', () => {
  const def = definition({ hostPort: 8080 })
  const busy = candidateFrom(instance('a'), [runningTask(def)])
  assert.deepEqual(placeTasks([busy], request(def)).failures.map((f) => f.reason), ['RESOURCE:PORTS'])
  const free = candidateFrom(instance('a'), [])
  assert.equal(placeTasks([free], request(def)).placements.length, 1)
})

test('placement: dynamic host ports (0) never conflict', () => {
  const def = definition({ hostPort: 0 })
  const candidate = candidateFrom(instance('a'), [runningTask(def)])
  assert.equal(placeTasks([candidate], request(def, { count: 2 })).placements.length, 2)
})

test('placement: resources used by tasks there count against the instance', () => {
  const def = definition({ cpu: 1024, memory: 1024 })
  const candidate = candidateFrom(instance('a', { cpu: 2048 }), [runningTask(def), runningTask(def)])
  assert.equal(candidate.remainingCpu, 0)
  assert.deepEqual(placeTasks([candidate], request(def)).failures.map((f) => f.reason), ['RESOURCE:CPU'])
})

test('placement: draining instances take no tasks and report nothing', () => {
  const draining = { ...instance('a'), status: 'DRAINING' as const }
  const result = placeTasks([candidateFrom(draining, [])], request(definition()))
  assert.equal(result.placements.length, 0)
  assert.deepEqual(result.failures, [])
})

test('placement: spread places tasks on the instance with fewer tasks', () => {
  const def = definition()
  const busy = candidateFrom(instance('a'), [runningTask(def, 'other')])
  const idle = candidateFrom(instance('b'), [])
  assert.deepEqual(placeTasks([busy, idle], request(def)).placements, [idle.arn])
})

test('placement: StartTask ignores constraints but not resources', () => {
  const win = candidateFrom(instance('win', { os: 'windows', taskRole: true, ports: WINDOWS_PORTS }), [])
  assert.equal(placeOnInstance(win, request(definition({ hostPort: 80 }))), 'RESOURCE:PORTS')
  const linux = candidateFrom(instance('linux'), [])
  assert.equal(placeOnInstance(linux, request(definition(), { memberOf: [parseClusterQuery('attribute:ecs.os-type == windows')] })), undefined)
  assert.equal(placeOnInstance({ ...linux, status: 'INACTIVE' }, request(definition())), 'INACTIVE')
})

test('needsOf: task-level size wins over the containers; overrides win over both', () => {
  const def = { ...definition({ cpu: 100, memory: 200 }), cpu: '1024', memory: '2048' }
  assert.deepEqual(needsOf(def), { cpu: 1024, memory: 2048, tcpPorts: [], udpPorts: [] })
  assert.equal(needsOf(def, { cpu: '512', memory: '1024' }).memory, 1024)
  const containers = definition({ cpu: 100, memory: 200 })
  assert.equal(needsOf(containers, { containerOverrides: [{ name: 'web', memory: 300 } as never] }).memory, 300)
})
