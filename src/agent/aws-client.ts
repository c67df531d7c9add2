//! The agent's in-process AWS client: every call enters dispatch (authorize -> handler -> audit) as the principal
//! the agent holds, exactly like an HTTP call (DESIGN.md §3: one way to act in taskrole).
import { requestId as newRequestId } from '../aws/index.js'
import type { Principal } from '../auth/index.js'
import type { Dispatcher } from '../dispatch/index.js'

/** The service principal ECS uses to assume task and execution roles (MISSION §1). */
export const ECS_TASKS_SERVICE = 'ecs-tasks.amazonaws.com'

/** How Fargate's / the agent's own SDK calls identify themselves in CloudTrail. */
const AGENT_USER_AGENT = 'Amazon ECS Agent (taskrole)'

export interface AgentCall {
  service: string
  operation: string
  input: unknown
  principal: Principal
  region: string
  /** aws:SourceVpc / aws:SourceVpce when the call goes out through the task VPC's interface endpoint. */
  source?: { sourceVpc?: string; sourceVpce?: string }
}

export interface AgentAwsClient {
  /** Calls synchronously; throws the service's AwsError. `requestId` is what the error texts quote. */
  call<O = any>(call: AgentCall & { requestId?: string }): O
}

export function createAgentAwsClient(dispatcher: Dispatcher): AgentAwsClient {
  return {
    call<O>(call: AgentCall & { requestId?: string }): O {
      return dispatcher.invoke({
        service: call.service,
        operation: call.operation,
        input: call.input,
        principal: call.principal,
        region: call.region,
        requestId: call.requestId ?? newRequestId(),
        source: { userAgent: AGENT_USER_AGENT, secureTransport: true, ...call.source },
      }) as O
    },
  }
}

/** The principal ECS assumes task roles as: ecs-tasks.amazonaws.com acting for the task's account. */
export function ecsTasksPrincipal(accountId: string, sourceArn: string): Principal {
  return { type: 'AWSService', service: ECS_TASKS_SERVICE, sourceAccount: accountId, sourceArn }
}
