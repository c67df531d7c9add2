//! Amazon ECR: repositories and their policies, blob push (layer uploads), PutImage, pulls (BatchGetImage,
//! BatchCheckLayerAvailability, GetDownloadUrlForLayer), GetAuthorizationToken, with cross-account access through
//! repository policies.
import type { OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { ecrAccessDeniedMessage } from './access-denied.js'
import { ECR_AUTHORIZATION } from './authorization.js'
import { authorizationTokenHandlers } from './authorization-token.js'
import { batchDeleteImageHandlers } from './batch-delete-image.js'
import { imageQueryHandlers } from './image-queries.js'
import { DEFAULT_DOWNLOAD_URL_BASE, layerDownloadHandlers, type LayerDownloadOptions } from './layer-downloads.js'
import { layerUploadHandlers } from './layer-uploads.js'
import { putImageHandlers } from './put-image.js'
import { repositoryHandlers } from './repositories.js'
import { repositoryPolicyHandlers } from './repository-policy.js'

export { readLayerBlob, ECR_COLLECTIONS } from './records.js'
export type { ImageRecord, LayerRecord, RepositoryRecord } from './records.js'

export type EcrServiceOptions = Partial<LayerDownloadOptions>

export function ecrHandlers(options: EcrServiceOptions = {}): Record<string, OperationDefinition['handler']> {
  return {
    ...repositoryHandlers,
    ...repositoryPolicyHandlers,
    ...layerUploadHandlers,
    ...putImageHandlers,
    ...imageQueryHandlers,
    ...batchDeleteImageHandlers,
    ...layerDownloadHandlers({ downloadUrlBase: options.downloadUrlBase ?? (() => DEFAULT_DOWNLOAD_URL_BASE) }),
    ...authorizationTokenHandlers,
  } as Record<string, OperationDefinition['handler']>
}

/** ECR with download URLs on the given endpoint (app.ts knows the port once the server listens). */
export function createEcrService(options: EcrServiceOptions = {}): ServiceDefinition {
  const operations: Record<string, OperationDefinition> = {}
  for (const [name, handler] of Object.entries(ecrHandlers(options))) {
    const authorization = ECR_AUTHORIZATION[name]
    // INVARIANT: every operation declares its authorization (STYLE.md rule 6); authorization.test.ts pins it too.
    if (!authorization) throw new Error(`ecr:${name} has no authorization entry`)
    operations[name] = { authorization, handler }
  }
  return {
    service: 'ecr',
    eventSource: 'ecr.amazonaws.com',
    // ECR names a `*` resource in its denials ("… on resource: * because …"); see access-denied.ts.
    accessDenied: { code: 'AccessDeniedException', status: 400, message: ecrAccessDeniedMessage },
    operations,
    // Blob bytes are binary and can be 20 MiB a part: the trail records the call, never the bytes.
    sensitiveInputMembers: ['layerPartBlob'],
  }
}

export const ecrService: ServiceDefinition = createEcrService()
