//! What each ECR operation asks of IAM (Service Authorization Reference, "Actions, resources, and condition keys for
//! Amazon Elastic Container Registry"): every repository action names the repository ARN, judged together with the
//! repository policy (a resource-based policy: across accounts both it and the caller's identity policies must
//! allow); ecr:GetAuthorizationToken names no resource. Tag keys: aws:RequestTag/*, aws:TagKeys on create,
//! aws:ResourceTag/* and ecr:ResourceTag/* on an existing repository.
import type { AuthorizationDeclaration, AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import { allRepositoriesArn, registryOf, repositoryArn, repositoryLocation, type RepositoryLocation } from './arns.js'
import { findRepository, type EcrTag } from './records.js'

type Input = Record<string, any>
type Context = NonNullable<AuthorizationRequirement['context']>

/** An action on one repository: its ARN, its tags as condition keys and its policy as the resource policy. */
export function repositoryRequirement(ctx: CallContext, action: string, location: RepositoryLocation): AuthorizationRequirement {
  const arn = repositoryArn(location)
  const requirement: AuthorizationRequirement = { action: `ecr:${action}`, resource: arn, resourceAccount: location.registryId }
  const repository = findRepository(ctx.store, location)
  if (!repository) return requirement
  requirement.context = resourceTagContext(repository.tags)
  if (repository.policyText !== undefined) {
    requirement.resourcePolicy = {
      id: arn,
      document: repository.policyText,
      type: 'Resource Policy',
      principalUniqueIds: repository.policyPrincipalIds,
    }
  }
  return requirement
}

function onRepository(action: string): AuthorizationDeclaration<Input> {
  return (input, ctx) => [repositoryRequirement(ctx, action, repositoryLocation(ctx, input as { repositoryName: string; registryId?: string }))]
}

function resourceTagContext(tags: EcrTag[]): Context {
  const context: Context = {}
  for (const tag of tags) {
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value
    context[`ecr:ResourceTag/${tag.Key}`] = tag.Value
  }
  return context
}

function requestTagContext(tags: EcrTag[] | undefined): Context {
  if (!tags?.length) return {}
  const context: Context = { 'aws:TagKeys': tags.map((tag) => tag.Key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value
  return context
}

export const ECR_AUTHORIZATION: Record<string, AuthorizationDeclaration<Input>> = {
  CreateRepository: (input, ctx) => {
    const location = repositoryLocation(ctx, input as { repositoryName: string; registryId?: string })
    return [{ action: 'ecr:CreateRepository', resource: repositoryArn(location), resourceAccount: location.registryId, context: requestTagContext(input.tags) }]
  },
  DescribeRepositories: (input, ctx) => {
    const registry = registryOf(ctx, input.registryId)
    const names = input.repositoryNames as string[] | undefined
    if (!names?.length) return [{ action: 'ecr:DescribeRepositories', resource: allRepositoriesArn(registry), resourceAccount: registry.registryId }]
    return names.map((repositoryName) => repositoryRequirement(ctx, 'DescribeRepositories', { ...registry, repositoryName }))
  },
  DeleteRepository: onRepository('DeleteRepository'),
  SetRepositoryPolicy: onRepository('SetRepositoryPolicy'),
  GetRepositoryPolicy: onRepository('GetRepositoryPolicy'),
  DeleteRepositoryPolicy: onRepository('DeleteRepositoryPolicy'),
  InitiateLayerUpload: onRepository('InitiateLayerUpload'),
  UploadLayerPart: onRepository('UploadLayerPart'),
  CompleteLayerUpload: onRepository('CompleteLayerUpload'),
  PutImage: onRepository('PutImage'),
  BatchGetImage: onRepository('BatchGetImage'),
  DescribeImages: onRepository('DescribeImages'),
  ListImages: onRepository('ListImages'),
  BatchDeleteImage: onRepository('BatchDeleteImage'),
  BatchCheckLayerAvailability: onRepository('BatchCheckLayerAvailability'),
  GetDownloadUrlForLayer: onRepository('GetDownloadUrlForLayer'),
  // The token grants access to every registry the principal may use; it takes no resource (SAR: `*`).
  GetAuthorizationToken: () => [{ action: 'ecr:GetAuthorizationToken', resource: '*' }],
}
