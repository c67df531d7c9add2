//! PutParameter (SSM API Reference): creates a parameter or, with Overwrite, a new version of it. SecureString
//! values are encrypted for the caller under KeyId or alias/aws/ssm before they are stored.
import { principalArn } from '../../auth/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { invalidAllowedPattern, parameterAlreadyExists, patternMismatch, validation } from './errors.js'
import { canonicalName, checkNewParameterName, parameterArn } from './parameter-names.js'
import {
  latestVersion,
  parameterCollection,
  parameterScope,
  type ParameterRecord,
  type ParameterTag,
  type ParameterType,
  type ParameterVersionRecord,
} from './parameter-records.js'
import { MANAGED_KEY_ALIAS, encryptParameterValue, secureStringKey } from './secure-string.js'

export interface PutParameterInput {
  Name: string
  Description?: string
  Value: string
  Type?: ParameterType
  KeyId?: string
  Overwrite?: boolean
  AllowedPattern?: string
  Tags?: ParameterTag[]
  Tier?: 'Standard' | 'Advanced' | 'Intelligent-Tiering'
  Policies?: string
  DataType?: string
}

const MAX_VERSIONS = 100
const STANDARD_MAX = 4096
const DATA_TYPES = new Set(['text', 'aws:ec2:image', 'aws:ssm:integration'])

export function putParameter(input: PutParameterInput, ctx: CallContext) {
  checkNewParameterName(input.Name)
  if (input.Value === '') {
    throw validation("1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.")
  }
  if (input.Overwrite && input.Tags?.length) {
    throw validation(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    )
  }
  const key = canonicalName(input.Name)
  const scope = parameterScope(ctx.accountId, ctx.region)
  const existing = parameterCollection(ctx.store).get(scope, key)
  if (existing && !input.Overwrite) throw parameterAlreadyExists()
  const previous = existing ? latestVersion(existing) : undefined
  const type = input.Type ?? previous?.type
  if (!type) throw validation('A parameter type is required when you create a parameter.')
  if (input.KeyId !== undefined && type !== 'SecureString') throw validation('KeyId is required for SecureString type parameter only.')
  const dataType = input.DataType ?? previous?.dataType ?? 'text'
  if (!DATA_TYPES.has(dataType)) throw validation(`The following data type is not supported: ${dataType} (Data type names are all lowercase.)`)
  const tier = chooseTier(input, previous?.tier)
  const allowedPattern = input.AllowedPattern ?? previous?.allowedPattern
  if (allowedPattern !== undefined) checkPattern(allowedPattern, input.Value)

  const arn = existing?.arn ?? parameterArn(ctx.region, ctx.accountId, key)
  let value = input.Value
  let keyId: string | undefined
  let keyArn: string | undefined
  if (type === 'SecureString') {
    keyId = input.KeyId ?? (previous?.type === 'SecureString' ? previous.keyId : undefined) ?? MANAGED_KEY_ALIAS
    const kmsKey = secureStringKey(ctx, keyId)
    value = encryptParameterValue(ctx, kmsKey, arn, input.Value)
    keyArn = kmsKey.arn
  }
  const version: ParameterVersionRecord = {
    version: (previous?.version ?? 0) + 1,
    type,
    value,
    keyId,
    keyArn,
    description: input.Description ?? previous?.description,
    allowedPattern,
    tier,
    dataType,
    policies: input.Policies ?? previous?.policies,
    labels: [],
    lastModifiedDate: ctx.now.toISOString(),
    lastModifiedUser: principalArn(ctx.principal),
  }
  const parameter: ParameterRecord = existing
    ? { ...existing, versions: [...existing.versions, version].slice(-MAX_VERSIONS) }
    : { name: input.Name, arn, accountId: ctx.accountId, region: ctx.region, versions: [version], tags: input.Tags ?? [] }
  parameterCollection(ctx.store).put(scope, key, parameter)
  ctx.audit.resources.push({ ARN: arn, type: 'AWS::SSM::Parameter', name: parameter.name })
  return { Version: version.version, Tier: tier }
}

/** Standard holds 4 KB; Intelligent-Tiering picks Advanced only when the value needs it; a tier never goes down. */
function chooseTier(input: PutParameterInput, previous: 'Standard' | 'Advanced' | undefined): 'Standard' | 'Advanced' {
  const wanted = input.Tier ?? previous ?? 'Standard'
  const needsAdvanced = input.Value.length > STANDARD_MAX || input.Policies !== undefined
  if (wanted === 'Intelligent-Tiering') return needsAdvanced || previous === 'Advanced' ? 'Advanced' : 'Standard'
  if (wanted === 'Standard' && previous === 'Advanced') {
    throw validation('This parameter uses the advanced-parameter tier. You can\'t downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.')
  }
  if (wanted === 'Standard' && input.Value.length > STANDARD_MAX) {
    throw validation(
      'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html',
    )
  }
  return wanted
}

function checkPattern(pattern: string, value: string): void {
  let expression: RegExp
  try {
    expression = new RegExp(pattern)
  } catch {
    throw invalidAllowedPattern()
  }
  if (!expression.test(value)) throw patternMismatch(pattern)
}
