//! One AWS call as the task's execution role, with the request id the error texts quote; an AWS refusal comes back
//! as a value (the caller words the stop reason), anything else is a bug and throws.
import { AwsError, isAwsError, requestId as newRequestId } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import type { StepContext } from './task-step.js'
import type { TaskRequestSource } from './task-request-source.js'

export type ExecutionCallResult<O> = { ok: true; output: O } | { ok: false; error: AwsError; requestId: string }

export function executionCall<O = any>(
  context: StepContext,
  principal: Principal,
  call: { service: string; operation: string; input: unknown; region: string; source?: TaskRequestSource },
): ExecutionCallResult<O> {
  const requestId = newRequestId()
  try {
    const output = context.aws.call<O>({ ...call, principal, requestId, ...(call.source ? { source: call.source } : {}) })
    return { ok: true, output }
  } catch (error) {
    if (!isAwsError(error)) throw error
    return { ok: false, error, requestId }
  }
}
