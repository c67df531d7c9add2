//! What every Parameter Store operation asks of IAM (Service Authorization Reference, "AWS Systems Manager";
//! User Guide, "How Parameter Store authorizes parameter retrieval"): each named parameter's ARN for its own
//! action (GetParameter -> ssm:GetParameter, GetParameters -> ssm:GetParameters on every name), the path's ARN
//! for GetParametersByPath, `*` for DescribeParameters. SecureString values also need kms:Encrypt/kms:Decrypt,
//! checked when the handler encrypts or decrypts (secure-string.ts).
import type { AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import type { ContextValue } from '../../engine/index.js'
import { invalidResourceType } from './errors.js'
import { findParameter } from './get-parameters.js'
import { checkNewParameterName, parameterReference, pathArn, type ParameterReference } from './parameter-names.js'
import type { ParameterTag } from './parameter-records.js'
import { checkPath } from './parameters-by-path.js'

type Declaration = (input: any, ctx: CallContext) => AuthorizationRequirement[]
type Context = Record<string, ContextValue>

function parameterRequirement(ctx: CallContext, reference: ParameterReference, action: string, extra: Context = {}): AuthorizationRequirement {
  const context: Context = {}
  for (const tag of findParameter(ctx, reference)?.tags ?? []) {
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value
    context[`ssm:resourceTag/${tag.Key}`] = tag.Value
  }
  return { action, resource: reference.arn, resourceAccount: reference.account, context: { ...context, ...extra } }
}

function onParameter(action: string, member = 'Name'): Declaration {
  return (input, ctx) => [parameterRequirement(ctx, parameterReference(input[member], ctx), action)]
}

/** Every well-formed name of the request (malformed ones are answered as InvalidParameters). */
function onEachParameter(action: string): Declaration {
  return (input: { Names: string[] }, ctx) => {
    const requirements: AuthorizationRequirement[] = []
    for (const name of new Set(input.Names)) {
      let reference: ParameterReference
      try {
        reference = parameterReference(name, ctx)
      } catch {
        continue
      }
      requirements.push(parameterRequirement(ctx, reference, action))
    }
    return requirements
  }
}

function onTaggedParameter(action: string, extra?: (input: any) => Context): Declaration {
  return (input, ctx) => {
    if (input.ResourceType !== 'Parameter') throw invalidResourceType()
    return [parameterRequirement(ctx, parameterReference(input.ResourceId, ctx), action, extra?.(input))]
  }
}

function requestTags(tags: ParameterTag[] | undefined): Context {
  const context: Context = {}
  for (const tag of tags ?? []) context[`aws:RequestTag/${tag.Key}`] = tag.Value
  if (tags?.length) context['aws:TagKeys'] = tags.map((tag) => tag.Key)
  return context
}

export const SSM_AUTHORIZATION: Record<string, Declaration> = {
  PutParameter: (input, ctx) => {
    checkNewParameterName(input.Name)
    const extra = { 'ssm:Overwrite': input.Overwrite ? 'true' : 'false', ...requestTags(input.Tags) }
    return [parameterRequirement(ctx, parameterReference(input.Name, ctx), 'ssm:PutParameter', extra)]
  },
  GetParameter: onParameter('ssm:GetParameter'),
  GetParameters: onEachParameter('ssm:GetParameters'),
  GetParameterHistory: onParameter('ssm:GetParameterHistory'),
  GetParametersByPath: (input, ctx) => {
    checkPath(input.Path)
    return [{ action: 'ssm:GetParametersByPath', resource: pathArn(ctx.region, ctx.accountId, input.Path) }]
  },
  DescribeParameters: () => [{ action: 'ssm:DescribeParameters', resource: '*' }],
  DeleteParameter: onParameter('ssm:DeleteParameter'),
  DeleteParameters: onEachParameter('ssm:DeleteParameters'),
  LabelParameterVersion: onParameter('ssm:LabelParameterVersion'),
  AddTagsToResource: onTaggedParameter('ssm:AddTagsToResource', (input) => requestTags(input.Tags)),
  RemoveTagsFromResource: onTaggedParameter('ssm:RemoveTagsFromResource', (input) => ({ 'aws:TagKeys': input.TagKeys })),
  ListTagsForResource: onTaggedParameter('ssm:ListTagsForResource'),
}
