//! Turns validation violations into the AwsError each service answers with, in AWS's wording:
//! "1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: Member must have length
//! less than or equal to 64" ("N validation errors detected: a; b").
import { AwsError } from '../aws/index.js'
import type { CompiledShape } from './compiled-shape.js'
import type { Protocol } from './protocol-types.js'
import type { Constraint, Violation } from './validate-input.js'

interface ValidationStyle {
  code: string
  /** whether the rejected value is echoed ("Value 'x' at …") or left out ("Value at …") */
  echoValues: boolean
  /** whether an enum failure lists the allowed values */
  listEnumValues: boolean
}

/**
 * Per-service differences, from responses recorded against AWS:
 * - IAM (2025) no longer echoes values or enum sets: "Value at 'maxSessionDuration' failed to satisfy constraint:
 *   Member must have value less than or equal to 43200" (boto/botocore#3337), "Value at 'status' failed to satisfy
 *   constraint: Member must satisfy enum value set" (localstack IAM snapshots, 2025-03).
 * - STS still echoes: "Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater
 *   than or equal to 900" (2025).
 * - ECS models no ValidationException; its errors for bad requests are ClientException.
 * Other JSON services answer ValidationException; other query services ValidationError.
 */
const STYLES: Record<string, ValidationStyle> = {
  iam: { code: 'ValidationError', echoValues: false, listEnumValues: false },
  ecs: { code: 'ClientException', echoValues: true, listEnumValues: true },
  // CloudWatch Logs answers model violations as InvalidParameterException (same wording).
  logs: { code: 'InvalidParameterException', echoValues: true, listEnumValues: true },
}

export function validationError(service: string, protocol: Protocol, violations: readonly Violation[]): AwsError {
  if (protocol === 'ec2') return ec2ValidationError(violations[0]!)
  const style = STYLES[service] ?? { code: protocol === 'query' ? 'ValidationError' : 'ValidationException', echoValues: true, listEnumValues: true }
  const count = violations.length
  const parts = violations.map((v) => {
    const shown = v.value === null ? ' null' : v.sensitive || !style.echoValues ? '' : ` '${describeValue(v.value, v.member.shape)}'`
    return `Value${shown} at '${v.path}' failed to satisfy constraint: ${constraintText(v.constraint, style)}`
  })
  return new AwsError(style.code, `${count} validation error${count === 1 ? '' : 's'} detected: ${parts.join('; ')}`)
}

/** EC2 answers one problem at a time, with its own codes. */
function ec2ValidationError(violation: Violation): AwsError {
  const name = violation.member.ec2Name
  if (violation.constraint.kind === 'notNull') return new AwsError('MissingParameter', `The request must contain the parameter ${name}`)
  const shown = violation.sensitive ? '' : describeValue(violation.value, violation.member.shape)
  return new AwsError('InvalidParameterValue', `Value (${shown}) for parameter ${name} is invalid. ${constraintText(violation.constraint, { code: '', echoValues: true, listEnumValues: true })}`)
}

function constraintText(constraint: Constraint, style: ValidationStyle): string {
  switch (constraint.kind) {
    case 'notNull':
      return 'Member must not be null'
    case 'lengthMax':
      return `Member must have length less than or equal to ${constraint.limit}`
    case 'lengthMin':
      return `Member must have length greater than or equal to ${constraint.limit}`
    case 'valueMax':
      return `Member must have value less than or equal to ${constraint.limit}`
    case 'valueMin':
      return `Member must have value greater than or equal to ${constraint.limit}`
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${constraint.pattern}`
    case 'enum':
      return style.listEnumValues ? `Member must satisfy enum value set: [${constraint.values.join(', ')}]` : 'Member must satisfy enum value set'
    case 'type':
      // Not recorded from AWS; worded like the model-constraint messages so the client shows something clear.
      return `Member must be a valid ${constraint.expected}`
    case 'elements':
      return `${constraint.label}: [${constraint.inner.map((c) => constraintText(c, style)).join(', ')}]`
  }
}

/** Values as AWS's Java validator prints them: lists `[a, b]`, maps `{k=v}`, structures `Shape(member=value, …)`. */
export function describeValue(value: unknown, shape: CompiledShape | undefined): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  if (Buffer.isBuffer(value)) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`
  if (Array.isArray(value)) return `[${value.map((item) => describeValue(item, shape?.member?.shape)).join(', ')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (shape?.type === 'structure') {
      return `${shape.name}(${shape.members.map((m) => `${m.camelName}=${describeValue(record[m.name], m.shape)}`).join(', ')})`
    }
    return `{${Object.entries(record).map(([k, v]) => `${k}=${describeValue(v, shape?.value?.shape)}`).join(', ')}}`
  }
  return String(value)
}
