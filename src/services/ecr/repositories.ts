//! Repositories: CreateRepository, DescribeRepositories, DeleteRepository (ECR API Reference).
import { AwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { auditRepository, ecrScope, registryOf, repositoryArn, repositoryLocation, repositoryUri, type RepositoryLocation } from './arns.js'
import { invalidParameter, repositoryAlreadyExists, repositoryNotEmpty } from './errors.js'
import { pageOf } from './paging.js'
import { childPrefix, ecrCollections, imagesOf, requireRepository, uploadPartKey, type EcrTag, type RepositoryRecord } from './records.js'

interface CreateRepositoryInput {
  registryId?: string
  repositoryName: string
  tags?: EcrTag[]
  imageTagMutability?: string
  imageTagMutabilityExclusionFilters?: Array<{ filterType: string; filter: string }>
  imageScanningConfiguration?: { scanOnPush?: boolean }
  encryptionConfiguration?: { encryptionType: string; kmsKey?: string }
}

interface DescribeRepositoriesInput {
  registryId?: string
  repositoryNames?: string[]
  nextToken?: string
  maxResults?: number
}

interface DeleteRepositoryInput {
  registryId?: string
  repositoryName: string
  force?: boolean
}

/** The Repository structure of every answer. */
export function repositoryOutput(repository: RepositoryRecord) {
  return {
    repositoryArn: repository.repositoryArn,
    registryId: repository.registryId,
    repositoryName: repository.repositoryName,
    repositoryUri: repository.repositoryUri,
    createdAt: repository.createdAt,
    imageTagMutability: repository.imageTagMutability,
    imageTagMutabilityExclusionFilters: repository.imageTagMutabilityExclusionFilters,
    imageScanningConfiguration: repository.imageScanningConfiguration,
    encryptionConfiguration: repository.encryptionConfiguration,
  }
}

function createRepository(input: CreateRepositoryInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  const mutability = input.imageTagMutability ?? 'MUTABLE'
  const filters = input.imageTagMutabilityExclusionFilters
  // The *_WITH_EXCLUSION settings need filters, and only they accept them (CreateRepository API Reference).
  if (mutability.endsWith('_WITH_EXCLUSION') !== (filters !== undefined && filters.length > 0)) {
    throw invalidParameter(
      `Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: 'exclusion filters are required with, and only allowed with, imageTagMutability ${mutability.endsWith('_WITH_EXCLUSION') ? mutability : 'MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION'}'`,
    )
  }
  const encryption = input.encryptionConfiguration ?? { encryptionType: 'AES256' }
  if (encryption.encryptionType === 'AES256' && encryption.kmsKey !== undefined) {
    throw invalidParameter("Invalid parameter at 'encryptionConfiguration' failed to satisfy constraint: 'kmsKey can only be specified when encryptionType is KMS or KMS_DSSE'")
  }
  checkTags(input.tags ?? [], repositoryArn(location))
  const repository: RepositoryRecord = {
    registryId: location.registryId,
    region: location.region,
    repositoryName: location.repositoryName,
    repositoryArn: repositoryArn(location),
    repositoryUri: repositoryUri(location),
    createdAt: ctx.now.toISOString(),
    imageTagMutability: mutability,
    imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
    encryptionConfiguration: encryption,
    tags: input.tags ?? [],
  }
  if (filters?.length) repository.imageTagMutabilityExclusionFilters = filters
  if (!ecrCollections(ctx.store).repositories.insert(ecrScope(location), location.repositoryName, repository)) {
    throw repositoryAlreadyExists(location)
  }
  auditRepository(ctx, location)
  return { repository: repositoryOutput(repository) }
}

/** ECR allows 50 tags, unique keys, none under the reserved `aws:` prefix (Tagging your resources, ECR User Guide). */
function checkTags(tags: EcrTag[], arn: string): void {
  if (tags.length > 50) throw new AwsError('TooManyTagsException', `Tag limit exceeded for resource [${arn}]`)
  const keys = new Set<string>()
  for (const tag of tags) {
    if (tag.Key.toLowerCase().startsWith('aws:')) throw new AwsError('InvalidTagParameterException', "Invalid tag key: tag keys may not start with 'aws:'")
    if (keys.has(tag.Key)) throw new AwsError('InvalidTagParameterException', `Duplicate tag key '${tag.Key}'`)
    keys.add(tag.Key)
  }
}

function describeRepositories(input: DescribeRepositoriesInput, ctx: CallContext) {
  const registry = registryOf(ctx, input.registryId)
  if (input.repositoryNames?.length) {
    if (input.nextToken !== undefined || input.maxResults !== undefined) {
      throw invalidParameter("Invalid parameter at 'repositoryNames' failed to satisfy constraint: 'nextToken and maxResults cannot be used with repositoryNames'")
    }
    const repositories = input.repositoryNames.map((repositoryName) => requireRepository(ctx.store, { ...registry, repositoryName }))
    return { repositories: repositories.map(repositoryOutput) }
  }
  const all = ecrCollections(ctx.store).repositories.list(ecrScope(registry))
  const page = pageOf(all, input, (repository) => repository.repositoryName)
  return { repositories: page.items.map(repositoryOutput), nextToken: page.nextToken }
}

function deleteRepository(input: DeleteRepositoryInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  const repository = requireRepository(ctx.store, location)
  if (!input.force && imagesOf(ctx.store, location).length > 0) throw repositoryNotEmpty(location)
  deleteRepositoryContents(ctx, location)
  ecrCollections(ctx.store).repositories.delete(ecrScope(location), location.repositoryName)
  auditRepository(ctx, location)
  return { repository: repositoryOutput(repository) }
}

/** Images, blobs and unfinished uploads go with the repository. */
function deleteRepositoryContents(ctx: CallContext, location: RepositoryLocation): void {
  const collections = ecrCollections(ctx.store)
  const scope = ecrScope(location)
  const prefix = childPrefix(location.repositoryName)
  for (const image of imagesOf(ctx.store, location)) collections.images.delete(scope, prefix + image.digest)
  for (const layer of collections.layers.list(scope, { prefix })) {
    collections.layers.delete(scope, prefix + layer.digest)
    collections.layerBlobs.delete(scope, prefix + layer.digest)
  }
  for (const upload of collections.uploads.list(scope)) {
    if (upload.repositoryName !== location.repositoryName) continue
    collections.uploads.delete(scope, upload.uploadId)
    for (let index = 0; index < upload.partSizes.length; index++) collections.uploadParts.delete(scope, uploadPartKey(upload.uploadId, index))
  }
}

export const repositoryHandlers = {
  CreateRepository: createRepository,
  DescribeRepositories: describeRepositories,
  DeleteRepository: deleteRepository,
}
