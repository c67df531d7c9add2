//! Image pulls from private ECR as the execution role (research §1.8, §5.6, §5.7): GetAuthorizationToken for the
//! image's registry, then what the registry API checks while Docker pulls: BatchGetImage for the manifest and
//! GetDownloadUrlForLayer for the config and every layer, on the repository of the image's account (another account's
//! repository lets the role in through its repository policy). No bytes are fetched: taskrole runs no images, so
//! images outside ECR are not pulled at all.
import { parseEcrImageUri, type AwsError, type EcrImageReference } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import { executionCall } from './execution-call.js'
import { ecrRegistryAuthError, imageNotFoundError, layerForbiddenError, manifestForbiddenError } from './execution-resource-errors.js'
import { taskRequestSource } from './task-request-source.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

/** What containerd accepts (Docker v2 schema 2 and OCI, single images and indexes). */
const ACCEPTED_MEDIA_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
]

interface Manifest {
  config?: { digest?: string }
  layers?: Array<{ digest?: string }>
  manifests?: Array<{ digest?: string; platform?: { os?: string; architecture?: string } }>
}

export const pullImages: TaskStep = {
  name: 'pull-images',
  phase: 'pull',
  run(context: StepContext) {
    const authorized = new Set<string>()
    const pulled = new Set<string>()
    for (const definition of context.definition.containerDefinitions) {
      const image = definition.image
      const reference = parseEcrImageUri(image)
      if (!reference || pulled.has(image)) continue
      const principal = context.executionPrincipal()
      if (!principal) {
        // EC2: Docker would use the container instance's role, which taskrole does not model.
        if (context.task.launchType !== 'FARGATE') continue
        throw failure(definition.name, 'CannotPullECRContainerError: engine ecr credentials: not found')
      }
      const registry = `${reference.registryId}/${reference.region}`
      if (!authorized.has(registry)) {
        authorize(context, principal, reference, definition.name)
        authorized.add(registry)
      }
      pullManifestAndLayers(context, principal, image, reference, definition.name)
      pulled.add(image)
    }
  },
}

function failure(container: string, reason: string): StepFailure {
  return new StepFailure(reason, { [container]: reason })
}

/** The agent's own call: on Fargate it leaves through Fargate's interface, never the task's VPC endpoints. */
function authorize(context: StepContext, principal: Principal, reference: EcrImageReference, container: string): void {
  const result = executionCall(context, principal, {
    service: 'ecr',
    operation: 'GetAuthorizationToken',
    input: { registryIds: [reference.registryId] },
    region: reference.region,
    source: taskRequestSource(context, 'ecr.api', { outsideTaskNetwork: true }),
  })
  if (!result.ok) throw failure(container, ecrRegistryAuthError(result.error, result.requestId))
}

function pullManifestAndLayers(context: StepContext, principal: Principal, image: string, reference: EcrImageReference, container: string): void {
  // Docker's registry calls reach ECR's dkr endpoint, through the task VPC's com.amazonaws.<region>.ecr.dkr endpoint if any.
  const source = taskRequestSource(context, 'ecr.dkr')
  const repository = { registryId: reference.registryId, repositoryName: reference.repositoryName }
  const getManifest = (imageId: { imageDigest: string } | { imageTag: string }, shown: string): Manifest => {
    const result = executionCall<{ images?: Array<{ imageManifest?: string }>; failures?: unknown[] }>(context, principal, {
      service: 'ecr',
      operation: 'BatchGetImage',
      input: { ...repository, imageIds: [imageId], acceptedMediaTypes: ACCEPTED_MEDIA_TYPES },
      region: reference.region,
      source,
    })
    if (!result.ok) throw failure(container, manifestError(image, shown, result.error))
    const found = result.output.images?.[0]?.imageManifest
    if (found === undefined) throw failure(container, imageNotFoundError(image))
    return JSON.parse(found) as Manifest
  }
  let manifest = getManifest(reference.digest ? { imageDigest: reference.digest } : { imageTag: reference.reference }, reference.reference)
  if (manifest.manifests) {
    // An index: containerd picks the platform's manifest (Fargate's default is linux/amd64).
    const chosen = manifest.manifests.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64') ?? manifest.manifests[0]
    if (!chosen?.digest) throw failure(container, imageNotFoundError(image))
    manifest = getManifest({ imageDigest: chosen.digest }, chosen.digest)
  }
  const blobs = [manifest.config?.digest, ...(manifest.layers ?? []).map((layer) => layer.digest)].filter((d): d is string => !!d)
  for (const layerDigest of new Set(blobs)) {
    const result = executionCall(context, principal, {
      service: 'ecr',
      operation: 'GetDownloadUrlForLayer',
      input: { ...repository, layerDigest },
      region: reference.region,
      source,
    })
    if (!result.ok) {
      const url = `https://${reference.registryId}.dkr.ecr.${reference.region}.amazonaws.com/v2/${reference.repositoryName}/blobs/${layerDigest}`
      throw failure(container, layerForbiddenError(image, url, result.error))
    }
  }
}

/** A missing repository answers like a missing tag (the registry's 404); a refusal is the registry's 403. */
function manifestError(image: string, reference: string, error: AwsError): string {
  if (error.code === 'RepositoryNotFoundException' || error.code === 'ImageNotFoundException') return imageNotFoundError(image)
  return manifestForbiddenError(image, reference, error)
}
