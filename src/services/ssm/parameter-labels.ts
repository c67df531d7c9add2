//! LabelParameterVersion (Systems Manager User Guide, "Working with parameter labels"): a label names one version
//! (moving from any other), at most 10 per version; labels can't begin with aws or ssm, be only digits, or hold
//! characters other than letters, digits, period, hyphen and underscore. Labels select versions as `name:label`.
import { AwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { parameterNotFound, parameterVersionNotFound } from './errors.js'
import { findParameter } from './get-parameters.js'
import { parameterReference } from './parameter-names.js'
import { parameterCollection, parameterScope } from './parameter-records.js'

const LABEL = /^[a-zA-Z0-9_.-]{1,100}$/
const MAX_LABELS = 10

export function labelParameterVersion(input: { Name: string; ParameterVersion?: number; Labels: string[] }, ctx: CallContext) {
  const reference = parameterReference(input.Name, ctx)
  const parameter = findParameter(ctx, reference)
  if (!parameter) throw parameterNotFound()
  const versionNumber = input.ParameterVersion ?? parameter.versions[parameter.versions.length - 1]!.version
  const target = parameter.versions.find((version) => version.version === versionNumber)
  if (!target) throw parameterVersionNotFound(String(versionNumber), reference.requested)
  const invalid = input.Labels.filter((label) => !validLabel(label))
  const valid = input.Labels.filter(validLabel)
  const labels = [...new Set([...target.labels, ...valid])]
  if (labels.length > MAX_LABELS) {
    throw new AwsError('ParameterVersionLabelLimitExceeded', 'A parameter version can have maximum 10 labels. Move one or more labels to another version and try again.')
  }
  const versions = parameter.versions.map((version) =>
    version === target ? { ...version, labels } : { ...version, labels: version.labels.filter((label) => !valid.includes(label)) },
  )
  parameterCollection(ctx.store).put(parameterScope(ctx.accountId, ctx.region), reference.key, { ...parameter, versions })
  ctx.audit.resources.push({ ARN: parameter.arn, type: 'AWS::SSM::Parameter', name: parameter.name })
  return { InvalidLabels: invalid, ParameterVersion: versionNumber }
}

function validLabel(label: string): boolean {
  const lower = label.toLowerCase()
  return LABEL.test(label) && !/^\d+$/.test(label) && !lower.startsWith('aws') && !lower.startsWith('ssm')
}
