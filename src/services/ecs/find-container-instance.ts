//! A container instance of a cluster named by id or ARN (INACTIVE ones included), as every instance call resolves it.
import type { CallContext } from '../../dispatch/index.js'
import type { ClusterRecord, ContainerInstanceRecord } from '../../store/index.js'
import { parseChildReference } from './arns.js'
import { collectionsOf, containerInstanceKey, locationOf } from './ecs-collections.js'

export function findInstance(ctx: CallContext, cluster: ClusterRecord, reference: string): ContainerInstanceRecord | undefined {
  const c = collectionsOf(ctx)
  const ref = parseChildReference(locationOf(ctx), 'container-instance', reference)
  if (!ref || (ref.clusterName && ref.clusterName !== cluster.clusterName)) return undefined
  return c.containerInstances.get(c.scope, containerInstanceKey(cluster.clusterName, ref.id))
}

/** The cluster name inside a cluster ARN. */
export function clusterNameOfArn(clusterArn: string): string {
  return clusterArn.slice(clusterArn.indexOf(':cluster/') + ':cluster/'.length)
}
