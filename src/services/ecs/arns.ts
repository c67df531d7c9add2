//! ECS ARNs in the long format (cluster name inside task and container-instance ARNs) and the references
//! callers may give instead: a short name, an id, or a full ARN (ECS API Reference, "Amazon Resource Names").
import { parseArn } from '../../aws/index.js'

export interface EcsLocation {
  account: string
  region: string
}

export function clusterArn(at: EcsLocation, clusterName: string): string {
  return `arn:aws:ecs:${at.region}:${at.account}:cluster/${clusterName}`
}

export function taskDefinitionArn(at: EcsLocation, family: string, revision: number): string {
  return `arn:aws:ecs:${at.region}:${at.account}:task-definition/${family}:${revision}`
}

export function taskArn(at: EcsLocation, clusterName: string, taskId: string): string {
  return `arn:aws:ecs:${at.region}:${at.account}:task/${clusterName}/${taskId}`
}

export function containerArn(at: EcsLocation, clusterName: string, taskId: string, containerId: string): string {
  return `arn:aws:ecs:${at.region}:${at.account}:container/${clusterName}/${taskId}/${containerId}`
}

export function containerInstanceArn(at: EcsLocation, clusterName: string, instanceId: string): string {
  return `arn:aws:ecs:${at.region}:${at.account}:container-instance/${clusterName}/${instanceId}`
}

/** The ECS resource an ARN of this account and region names, or undefined for anything else. */
function ecsResource(at: EcsLocation, text: string): string | undefined {
  const arn = parseArn(text)
  if (!arn || arn.service !== 'ecs' || arn.account !== at.account || arn.region !== at.region) return undefined
  return arn.resource
}

/** The cluster name a `cluster` parameter names ("default" when absent); undefined when it cannot name one here. */
export function clusterNameOf(at: EcsLocation, reference: string | undefined): string | undefined {
  if (reference === undefined || reference === '') return 'default'
  if (!reference.startsWith('arn:')) return reference
  const resource = ecsResource(at, reference)
  return resource?.startsWith('cluster/') ? resource.slice('cluster/'.length) : undefined
}

export interface TaskDefinitionReference {
  family: string
  /** Absent: the latest ACTIVE revision. */
  revision?: number
  /** The text after ':' when it is not a revision number ("Invalid revision number. Number: x"). */
  badRevision?: string
}

/** `family`, `family:revision` or a task definition ARN. */
export function parseTaskDefinitionReference(at: EcsLocation, reference: string): TaskDefinitionReference | undefined {
  let text = reference
  if (reference.startsWith('arn:')) {
    const resource = ecsResource(at, reference)
    if (!resource?.startsWith('task-definition/')) return undefined
    text = resource.slice('task-definition/'.length)
  }
  const colon = text.indexOf(':')
  if (colon < 0) return { family: text }
  const family = text.slice(0, colon)
  const revisionText = text.slice(colon + 1)
  if (!/^\d{1,9}$/.test(revisionText) || Number(revisionText) < 1) return { family, badRevision: revisionText }
  return { family, revision: Number(revisionText) }
}

export interface ChildReference {
  id: string
  /** The cluster named inside a long-format ARN; absent for a bare id or a short-format ARN. */
  clusterName?: string
}

/** A task or container instance given as an id or an ARN (`task/<cluster>/<id>` or the old `task/<id>`). */
export function parseChildReference(at: EcsLocation, kind: 'task' | 'container-instance', reference: string): ChildReference | undefined {
  if (!reference.startsWith('arn:')) return reference.includes('/') || reference === '' ? undefined : { id: reference }
  const resource = ecsResource(at, reference)
  if (!resource?.startsWith(`${kind}/`)) return undefined
  const parts = resource.slice(kind.length + 1).split('/')
  if (parts.length === 1 && parts[0]) return { id: parts[0] }
  if (parts.length === 2 && parts[0] && parts[1]) return { clusterName: parts[0], id: parts[1] }
  return undefined
}
