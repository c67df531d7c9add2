//! DeleteParameter and DeleteParameters (SSM API Reference): every version goes, tags with it.
import type { CallContext } from '../../dispatch/index.js'
import { parameterNotFound } from './errors.js'
import { findParameter } from './get-parameters.js'
import { parameterReference } from './parameter-names.js'
import { parameterCollection, parameterScope } from './parameter-records.js'

export function deleteParameter(input: { Name: string }, ctx: CallContext): Record<string, never> {
  if (!deleteOne(input.Name, ctx)) throw parameterNotFound()
  return {}
}

export function deleteParameters(input: { Names: string[] }, ctx: CallContext) {
  const deleted: string[] = []
  const invalid: string[] = []
  for (const name of new Set(input.Names)) (deleteOne(name, ctx, true) ? deleted : invalid).push(name)
  return { DeletedParameters: deleted, InvalidParameters: invalid }
}

function deleteOne(name: string, ctx: CallContext, lenient = false): boolean {
  let reference
  try {
    reference = parameterReference(name, ctx)
  } catch (error) {
    if (lenient) return false
    throw error
  }
  const parameter = findParameter(ctx, reference)
  if (!parameter || reference.selector !== undefined) return false
  parameterCollection(ctx.store).delete(parameterScope(ctx.accountId, ctx.region), reference.key)
  ctx.audit.resources.push({ ARN: parameter.arn, type: 'AWS::SSM::Parameter', name: parameter.name })
  return true
}
