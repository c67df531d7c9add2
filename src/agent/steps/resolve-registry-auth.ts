//! Private registry authentication (`repositoryCredentials.credentialsParameter`, research §9.1): GetSecretValue on
//! the secret as the execution role before any pull; the secret must be `{"username": …, "password": …}`. Images
//! outside ECR are not pulled by taskrole, so the credentials are checked, never used or kept.
import { parseArn } from '../../aws/index.js'
import { executionCall } from './execution-call.js'
import { registryAuthError, sdkErrorText } from './execution-resource-errors.js'
import { taskRequestSource } from './task-request-source.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

export const resolveRegistryAuth: TaskStep = {
  name: 'resolve-registry-auth',
  phase: 'resources',
  run(context: StepContext) {
    const secretIds = new Set<string>()
    for (const definition of context.definition.containerDefinitions) {
      const id = definition.repositoryCredentials?.credentialsParameter
      if (id) secretIds.add(id)
    }
    if (secretIds.size === 0) return
    const principal = context.executionPrincipal()
    if (!principal) throw new StepFailure('ResourceInitializationError: asm resource: unable to find execution role credentials')
    const endpoint = taskRequestSource(context, 'secretsmanager')
    for (const secretId of secretIds) {
      // The secret may live in another Region (ECS Developer Guide, "Private registry authentication").
      const region = parseArn(secretId)?.region || context.task.region
      const result = executionCall<{ SecretString?: string }>(context, principal, {
        service: 'secretsmanager',
        operation: 'GetSecretValue',
        input: { SecretId: secretId },
        region,
        source: endpoint,
      })
      if (!result.ok) throw new StepFailure(registryAuthError(secretId, sdkErrorText(result.error, result.requestId)))
      const problem = credentialsProblem(result.output.SecretString)
      if (problem) throw new StepFailure(registryAuthError(secretId, problem))
    }
  },
}

/** agent asm.go extractASMValue: JSON with non-empty username and password (keys matched case-insensitively). */
function credentialsProblem(secretString: string | undefined): string | undefined {
  let parsed: unknown
  try {
    parsed = secretString === undefined ? undefined : JSON.parse(secretString)
  } catch {
    parsed = undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return 'asm fetching authorization data: unable to unmarshal secret value, invalid schema'
  }
  const field = (name: string) => Object.entries(parsed as Record<string, unknown>).find(([key]) => key.toLowerCase() === name)?.[1]
  if (typeof field('username') !== 'string' || field('username') === '') return 'asm fetching username: AuthorizationData is malformed, empty field'
  if (typeof field('password') !== 'string' || field('password') === '') return 'asm fetching password: AuthorizationData is malformed, empty field'
  return undefined
}
