//! `secrets[]` as the execution role, before any image is pulled (research §9.2): Parameter Store parameters with
//! GetParameters (WithDecryption, batches of 10 per Region), Secrets Manager secrets with GetSecretValue (whole or one
//! JSON key / version). Values go only to context.secrets (the containers' environment), never to a log line.
import type { Principal } from '../../auth/index.js'
import { executionCall } from './execution-call.js'
import { asmSecretContentError, asmSecretError, invalidSecretArn, ssmInvalidParameters, ssmSecretsError } from './execution-resource-errors.js'
import { jsonKeyValue, parameterFor, secretSource, type SecretSource } from './secret-references.js'
import { taskRequestSource } from './task-request-source.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

/** agent `ssmsecret.go` MaxBatchNum: GetParameters takes at most 10 names. */
const SSM_BATCH = 10

type AsmSource = Extract<SecretSource, { provider: 'asm' }>

export const resolveSecrets: TaskStep = {
  name: 'resolve-secrets',
  phase: 'resources',
  run(context: StepContext) {
    const wanted = context.definition.containerDefinitions.flatMap((definition) =>
      (definition.secrets ?? []).map((secret) => ({ container: definition.name, name: secret.name, source: secretSource(secret.valueFrom, context.task.region) })),
    )
    if (wanted.length === 0) return
    const principal = context.executionPrincipal()
    // agent ssmsecret / asmsecret: no execution role credentials, no secrets.
    if (!principal) throw new StepFailure('ResourceInitializationError: ssm secret resource: unable to find execution role credentials')
    const invalid = wanted.find((w) => w.source.provider === 'invalid')
    if (invalid) throw new StepFailure(invalidSecretArn(invalid.source.valueFrom))
    const values = new Map<string, string>()
    fetchParameters(context, principal, wanted.map((w) => w.source).filter((s) => s.provider === 'ssm'), values)
    fetchSecrets(context, principal, wanted.map((w) => w.source).filter((s): s is AsmSource => s.provider === 'asm'), values)
    for (const { container, name, source } of wanted) {
      const environment = context.secrets.get(container) ?? {}
      environment[name] = values.get(source.valueFrom)!
      context.secrets.set(container, environment)
    }
  },
}

function fetchParameters(context: StepContext, principal: Principal, sources: SecretSource[], values: Map<string, string>): void {
  const byRegion = new Map<string, string[]>()
  for (const source of sources) {
    if (source.provider !== 'ssm') continue
    const names = byRegion.get(source.region) ?? []
    if (!names.includes(source.valueFrom)) names.push(source.valueFrom)
    byRegion.set(source.region, names)
  }
  const endpoint = taskRequestSource(context, 'ssm')
  for (const [region, names] of byRegion) {
    for (let start = 0; start < names.length; start += SSM_BATCH) {
      const batch = names.slice(start, start + SSM_BATCH)
      const result = executionCall<{ Parameters?: Array<{ Name?: string; ARN?: string; Selector?: string; Value?: string }>; InvalidParameters?: string[] }>(
        context,
        principal,
        { service: 'ssm', operation: 'GetParameters', input: { Names: batch, WithDecryption: true }, region, source: endpoint },
      )
      if (!result.ok) throw new StepFailure(ssmSecretsError(result.error, result.requestId))
      if (result.output.InvalidParameters?.length) throw new StepFailure(ssmInvalidParameters(result.output.InvalidParameters))
      for (const name of batch) {
        const parameter = parameterFor(result.output.Parameters ?? [], name)
        if (parameter?.Value === undefined) throw new StepFailure(ssmInvalidParameters([name]))
        values.set(name, parameter.Value)
      }
    }
  }
}

function fetchSecrets(context: StepContext, principal: Principal, sources: AsmSource[], values: Map<string, string>): void {
  const endpoint = taskRequestSource(context, 'secretsmanager')
  const fetched = new Map<string, string>()
  for (const source of sources) {
    if (values.has(source.valueFrom)) continue
    const input: Record<string, string> = { SecretId: source.secretId }
    if (source.versionStage) input.VersionStage = source.versionStage
    if (source.versionId) input.VersionId = source.versionId
    const cacheKey = JSON.stringify([source.region, input])
    let secretString = fetched.get(cacheKey)
    if (secretString === undefined) {
      const result = executionCall<{ SecretString?: string }>(context, principal, {
        service: 'secretsmanager',
        operation: 'GetSecretValue',
        input,
        region: source.region,
        source: endpoint,
      })
      if (!result.ok) throw new StepFailure(asmSecretError(source.secretId, result.error, result.requestId))
      // Only SecretString can become an environment variable (agent asm.go).
      if (result.output.SecretString === undefined) throw new StepFailure(asmSecretContentError(`secret ${source.secretId}: secret value is not a string`))
      secretString = result.output.SecretString
      fetched.set(cacheKey, secretString)
    }
    if (source.jsonKey === undefined) {
      values.set(source.valueFrom, secretString)
      continue
    }
    const value = jsonKeyValue(secretString, source.jsonKey)
    // agent asmsecret.go: "retrieved secret from Secrets Manager did not contain json key <k>".
    if (value === undefined) throw new StepFailure(asmSecretContentError(`retrieved secret from Secrets Manager did not contain json key ${source.jsonKey}`))
    values.set(source.valueFrom, value)
  }
}
