//! What a `secrets[].valueFrom` names (research §9.2; ECS Developer Guide, "Pass sensitive data to an Amazon ECS
//! container"): a Secrets Manager ARN, whole or `…:secret:name-AbCdEf:json-key:version-stage:version-id`, or else a
//! Parameter Store parameter by name or ARN (references to Secrets Manager included: Parameter Store resolves them).
import { parseArn } from '../../aws/index.js'

export type SecretSource =
  | { provider: 'ssm'; valueFrom: string; region: string }
  | { provider: 'asm'; valueFrom: string; region: string; secretId: string; jsonKey?: string; versionStage?: string; versionId?: string }
  | { provider: 'invalid'; valueFrom: string }

/**
 * agent `asmsecret.go` getASMParametersFromInput: the ARN's resource split on `:` must have exactly 2 parts
 * (`secret:<id>`: SecretId = valueFrom) or exactly 5 (`secret:<id>:<json-key>:<stage>:<version-id>`, empty fields
 * meaning "not given"); any other count is an invalid ARN. A Region in the ARN is where the call goes.
 */
export function secretSource(valueFrom: string, taskRegion: string): SecretSource {
  const arn = parseArn(valueFrom)
  if (arn?.service === 'secretsmanager') {
    const parts = arn.resource.split(':')
    if (parts[0] !== 'secret' || !parts[1] || (parts.length !== 2 && parts.length !== 5)) return { provider: 'invalid', valueFrom }
    const region = arn.region || taskRegion
    if (parts.length === 2) return { provider: 'asm', valueFrom, region, secretId: valueFrom }
    const source: SecretSource = {
      provider: 'asm',
      valueFrom,
      region,
      secretId: `arn:${arn.partition}:secretsmanager:${arn.region}:${arn.account}:secret:${parts[1]}`,
    }
    if (parts[2]) source.jsonKey = parts[2]
    if (parts[3]) source.versionStage = parts[3]
    if (parts[4]) source.versionId = parts[4]
    return source
  }
  if (arn?.service === 'ssm') return { provider: 'ssm', valueFrom, region: arn.region || taskRegion }
  return { provider: 'ssm', valueFrom, region: taskRegion }
}

/**
 * The Parameters[] entry GetParameters returned for a requested name or ARN. Asked by name, it echoes the name; asked
 * by ARN it answers with the parameter's plain name (`arn:…:parameter/app/x` -> `/app/x`, `…:parameter/x` -> `x`),
 * so an ARN is matched through the returned ARN (plus any `:version` / `:label` selector).
 */
export function parameterFor<P extends { Name?: string; ARN?: string; Selector?: string }>(parameters: readonly P[], valueFrom: string): P | undefined {
  return parameters.find((p) => p.Name === valueFrom) ?? parameters.find((p) => p.ARN !== undefined && `${p.ARN}${p.Selector ?? ''}` === valueFrom)
}

/** A JSON key's value as the agent renders it (Go `%v`): strings as they are, other scalars in their text form. */
export function jsonKeyValue(secretString: string, jsonKey: string): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(secretString)
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  if (!Object.hasOwn(parsed, jsonKey)) return undefined
  const value = (parsed as Record<string, unknown>)[jsonKey]
  if (typeof value === 'string') return value
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
