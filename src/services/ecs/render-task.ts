//! A stored task as DescribeTasks / RunTask return it: the record's API fields plus what ECS always shows
//! (Fargate's ephemeral storage, container network interfaces); tags only when asked for.
import type { TaskRecord } from '../../store/index.js'

interface EniAttachment {
  id?: string
  type?: string
  details?: Array<{ name: string; value: string }>
}

export function renderTask(task: TaskRecord, withTags: boolean): Record<string, unknown> {
  const eni = (task.attachments as EniAttachment[]).find((a) => a.type === 'ElasticNetworkInterface')
  const privateIp = eni?.details?.find((d) => d.name === 'privateIPv4Address')?.value
  const fargate = task.launchType === 'FARGATE'
  return {
    attachments: task.attachments,
    availabilityZone: task.availabilityZone,
    clusterArn: task.clusterArn,
    connectivity: task.connectivity,
    connectivityAt: task.connectivityAt,
    containerInstanceArn: task.containerInstanceArn,
    containers: task.containers.map((container) => ({
      ...container,
      networkInterfaces: eni ? [{ attachmentId: eni.id, privateIpv4Address: privateIp }] : undefined,
    })),
    cpu: task.cpu,
    createdAt: task.createdAt,
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: task.enableExecuteCommand ?? false,
    executionStoppedAt: task.executionStoppedAt,
    group: task.group,
    healthStatus: 'UNKNOWN',
    lastStatus: task.lastStatus,
    launchType: task.launchType,
    memory: task.memory,
    overrides: task.overrides,
    platformVersion: task.platformVersion,
    platformFamily: task.platformFamily,
    pullStartedAt: task.pullStartedAt,
    pullStoppedAt: task.pullStoppedAt,
    startedAt: task.startedAt,
    startedBy: task.startedBy,
    stopCode: task.stopCode,
    stoppedAt: task.stoppedAt,
    stoppedReason: task.stoppedReason,
    stoppingAt: task.stoppingAt,
    tags: withTags ? task.tags : undefined,
    taskArn: task.taskArn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: task.version,
    ephemeralStorage: fargate ? { sizeInGiB: 20 } : undefined,
    fargateEphemeralStorage: fargate ? { sizeInGiB: 20 } : undefined,
  }
}
