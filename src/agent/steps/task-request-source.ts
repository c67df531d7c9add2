//! The request context AWS builds for a call the agent makes for a task: a call that leaves the task's VPC through an
//! interface endpoint carries aws:SourceVpc / aws:SourceVpce (and no aws:SourceIp); Fargate's own calls do not.
import { endpointForService, networkOfSubnet } from '../../store/index.js'
import type { StepContext } from './task-step.js'

export interface TaskRequestSource {
  sourceVpc?: string
  sourceVpce?: string
}

/**
 * `endpointService` is the endpoint's service suffix (`ecr.api`, `ecr.dkr`, `secretsmanager`, `ssm`). On Fargate
 * `ecr:GetAuthorizationToken` goes out through Fargate's own network interface, never the task's VPC, so it carries
 * no VPC keys (Amazon ECR User Guide, "Interface VPC endpoints": a policy conditioning it on aws:SourceVpce makes
 * pulls fail). A subnet taskrole does not know (a placeholder id) gives no VPC keys either.
 */
export function taskRequestSource(context: StepContext, endpointService: string, options: { outsideTaskNetwork?: boolean } = {}): TaskRequestSource | undefined {
  const { task } = context
  if (options.outsideTaskNetwork && task.launchType === 'FARGATE') return undefined
  const subnetId = task.networkConfiguration?.awsvpcConfiguration?.subnets?.[0]
  if (!subnetId) return undefined
  const network = networkOfSubnet(context.store, task.accountId, task.region, subnetId)
  if (!network) return undefined
  const endpoint = endpointForService(network, task.region, endpointService)
  if (!endpoint) return undefined
  return { sourceVpc: network.vpcId, sourceVpce: endpoint.vpcEndpointId }
}
