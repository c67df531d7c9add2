//! ECR with real clients: an image pushed exactly as conformance's `ecr_push_image` does (aws CLI), pulled with boto3
//! (batch-get-image, get-download-url-for-layer) and the SDK v3; a manifest whose layers were never uploaded is
//! refused; a missing tag; GetAuthorizationToken; and AWS's error for every bad input, with nothing changed.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { after, before, test } from 'node:test'
import { BatchGetImageCommand, ECRClient, GetAuthorizationTokenCommand, LayersNotFoundException, PutImageCommand } from '@aws-sdk/client-ecr'
import { boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { buildImage, ecrPushImage, fails, file, ok, pushImageQuickly, uploadBlob } from './ecr-scenario-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function ecrClient(who: ClientIdentity): ECRClient {
  return new ECRClient({
    endpoint: who.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: who.accessKeyId, secretAccessKey: who.secretAccessKey, sessionToken: who.sessionToken },
    maxAttempts: 1,
  })
}

test('push as lib.sh ecr_push_image does, pull with boto3 and the SDK v3', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const repo = ok(['ecr', 'create-repository', '--repository-name', 'team/web'], root).repository
  assert.equal(repo.repositoryUri, `${account}.dkr.ecr.us-east-1.amazonaws.com/team/web`)
  assert.equal(repo.repositoryArn, `arn:aws:ecr:us-east-1:${account}:repository/team/web`)
  const { digest, image } = ecrPushImage('team/web', 'v1', root)
  assert.equal(digest, 'sha256:' + createHash('sha256').update(image.manifest).digest('hex'))
  const details = ok(['ecr', 'describe-images', '--repository-name', 'team/web', '--image-ids', 'imageTag=v1'], root).imageDetails
  assert.equal(details[0].imageDigest, digest)
  assert.equal(details[0].imageManifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json')

  const pulled = boto3(
    `
import boto3, json
ecr = boto3.client("ecr")
got = ecr.batch_get_image(repositoryName="team/web", imageIds=[{"imageTag": "v1"}])
manifest = json.loads(got["images"][0]["imageManifest"])
urls = [ecr.get_download_url_for_layer(repositoryName="team/web", layerDigest=d)["downloadUrl"]
        for d in [manifest["config"]["digest"]] + [l["digest"] for l in manifest["layers"]]]
avail = ecr.batch_check_layer_availability(repositoryName="team/web", layerDigests=[manifest["layers"][0]["digest"]])
print(json.dumps({"digest": got["images"][0]["imageId"]["imageDigest"], "manifest": got["images"][0]["imageManifest"],
                  "urls": urls, "availability": avail["layers"][0]["layerAvailability"], "failures": got["failures"]}))
`,
    root,
  )
  assert.equal(pulled.code, 0, pulled.stderr)
  assert.equal(pulled.json.digest, digest)
  assert.equal(pulled.json.manifest, image.manifest)
  assert.deepEqual(pulled.json.failures, [])
  assert.equal(pulled.json.availability, 'AVAILABLE')
  assert.equal(pulled.json.urls.length, 2)
  assert.match(pulled.json.urls[1], new RegExp(`/_taskrole/ecr-layer/${account}/us-east-1/team/web/sha256%3A${image.layerDigest.slice(7)}\\?Expires=\\d+$`))

  const byDigest = await ecrClient(root).send(new BatchGetImageCommand({ repositoryName: 'team/web', imageIds: [{ imageDigest: digest }] }))
  assert.equal(byDigest.images?.[0]?.imageManifest, image.manifest)
  assert.equal(byDigest.images?.[0]?.imageManifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json')
})

test('a manifest whose layer was never uploaded is refused (LayersNotFoundException) and nothing is stored', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  ok(['ecr', 'create-repository', '--repository-name', 'app'], root)
  const image = buildImage()
  uploadBlob(image, 'config', 'app', root)
  const message = fails(['ecr', 'put-image', '--repository-name', 'app', '--image-tag', 'v1', '--image-manifest', `file://${image.manifestPath}`], root, 'LayersNotFoundException')
  assert.equal(
    message,
    `Layers with digests '[${image.layerDigest}]' required for pushing image into repository with name 'app' in the registry with id '${account}' do not exist`,
  )
  assert.deepEqual(ok(['ecr', 'list-images', '--repository-name', 'app'], root).imageIds, [])
  // The SDK v3 maps the error to its modelled exception class.
  await assert.rejects(
    ecrClient(root).send(new PutImageCommand({ repositoryName: 'app', imageTag: 'v1', imageManifest: image.manifest })),
    (error: unknown) => error instanceof LayersNotFoundException && /required for pushing image/.test(error.message),
  )
  assert.deepEqual(ok(['ecr', 'list-images', '--repository-name', 'app'], root).imageIds, [])
})

test('a tag that was never pushed: batch-get-image failure, describe-images ImageNotFoundException', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  ok(['ecr', 'create-repository', '--repository-name', 'app'], root)
  pushImageQuickly('app', 'v1', root)
  const got = ok(['ecr', 'batch-get-image', '--repository-name', 'app', '--image-ids', 'imageTag=never-pushed'], root)
  assert.deepEqual(got.images, [])
  assert.deepEqual(got.failures, [{ imageId: { imageTag: 'never-pushed' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }])
  const message = fails(['ecr', 'describe-images', '--repository-name', 'app', '--image-ids', 'imageTag=never-pushed'], root, 'ImageNotFoundException')
  assert.equal(message, `The image with imageId {imageDigest:'null', imageTag:'never-pushed'} does not exist within the repository with name 'app' in the registry with id '${account}'`)
})

test('GetAuthorizationToken with the SDK v3: AWS:<password>, 12 hours, the proxy endpoint', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const before = Date.now()
  const out = await ecrClient(root).send(new GetAuthorizationTokenCommand({}))
  const data = out.authorizationData![0]!
  assert.equal(data.proxyEndpoint, `https://${account}.dkr.ecr.us-east-1.amazonaws.com`)
  assert.match(Buffer.from(data.authorizationToken!, 'base64').toString(), /^AWS:\S+$/)
  const hours = (data.expiresAt!.getTime() - before) / 3_600_000
  assert.ok(hours > 11.9 && hours <= 12.01, `expires in ${hours} h`)
  // The token is never written to the trail.
  const events = ok(['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=GetAuthorizationToken'], root).Events
  assert.equal(events.length, 1)
  assert.ok(!events[0].CloudTrailEvent.includes(data.authorizationToken!))
})

test('bad inputs get ECR errors and change nothing', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  ok(['ecr', 'create-repository', '--repository-name', 'app'], root)
  const { image, digest } = pushImageQuickly('app', 'v1', root)

  fails(['ecr', 'create-repository', '--repository-name', 'app'], root, 'RepositoryAlreadyExistsException')
  assert.equal(
    fails(['ecr', 'describe-repositories', '--repository-names', 'missing'], root, 'RepositoryNotFoundException'),
    `The repository with name 'missing' does not exist in the registry with id '${account}'`,
  )
  assert.equal(
    fails(['ecr', 'delete-repository', '--repository-name', 'app'], root, 'RepositoryNotEmptyException'),
    `The repository with name 'app' in registry with id '${account}' cannot be deleted because it still contains images`,
  )

  // A part that does not start where the upload stands.
  const uploadId = ok(['ecr', 'initiate-layer-upload', '--repository-name', 'app'], root).uploadId
  const part = file(Buffer.from('0123456789'), true)
  fails(['ecr', 'upload-layer-part', '--repository-name', 'app', '--upload-id', uploadId, '--part-first-byte', '5', '--part-last-byte', '14', '--layer-part-blob', part], root, 'InvalidLayerPartException')
  ok(['ecr', 'upload-layer-part', '--repository-name', 'app', '--upload-id', uploadId, '--part-first-byte', '0', '--part-last-byte', '9', '--layer-part-blob', part], root)
  // A digest the bytes do not hash to.
  fails(['ecr', 'complete-layer-upload', '--repository-name', 'app', '--upload-id', uploadId, '--layer-digests', 'sha256:' + '0'.repeat(64)], root, 'InvalidLayerException')
  fails(['ecr', 'upload-layer-part', '--repository-name', 'app', '--upload-id', '00000000-0000-0000-0000-000000000000', '--part-first-byte', '0', '--part-last-byte', '9', '--layer-part-blob', part], root, 'UploadNotFoundException')
  // The same image under the same tag again.
  fails(['ecr', 'put-image', '--repository-name', 'app', '--image-tag', 'v1', '--image-manifest', `file://${image.manifestPath}`], root, 'ImageAlreadyExistsException')
  assert.equal(
    fails(['ecr', 'put-image', '--repository-name', 'app', '--image-tag', 'v2', '--image-manifest', '{not json'], root, 'InvalidParameterException'),
    "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
  )
  fails(['ecr', 'put-image', '--repository-name', 'app', '--image-tag', 'v2', '--image-digest', 'sha256:' + '1'.repeat(64), '--image-manifest', `file://${image.manifestPath}`], root, 'ImageDigestDoesNotMatchException')
  // Pushing a blob that is already there.
  fails(['ecr', 'complete-layer-upload', '--repository-name', 'app', '--upload-id', uploadLayerOf(image, root), '--layer-digests', image.layerDigest], root, 'LayerAlreadyExistsException')
  assert.equal(
    fails(['ecr', 'set-repository-policy', '--repository-name', 'app', '--policy-text', file({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*' }] })], root, 'InvalidParameterException'),
    "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'",
  )
  fails(['ecr', 'get-repository-policy', '--repository-name', 'app'], root, 'RepositoryPolicyNotFoundException')
  fails(['ecr', 'get-download-url-for-layer', '--repository-name', 'app', '--layer-digest', 'sha256:' + '2'.repeat(64)], root, 'LayersNotFoundException')

  // Nothing changed: one image, one tag, no policy.
  assert.deepEqual(ok(['ecr', 'list-images', '--repository-name', 'app'], root).imageIds, [{ imageDigest: digest, imageTag: 'v1' }])
  ok(['ecr', 'delete-repository', '--repository-name', 'app', '--force'], root)
  assert.deepEqual(ok(['ecr', 'describe-repositories'], root).repositories, [])
})

test('an immutable repository refuses to move a tag', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(['ecr', 'create-repository', '--repository-name', 'locked', '--image-tag-mutability', 'IMMUTABLE'], root)
  const { image } = pushImageQuickly('locked', 'v1', root)
  const other = JSON.parse(image.manifest)
  other.annotations = { rebuilt: 'yes' }
  const message = fails(['ecr', 'put-image', '--repository-name', 'locked', '--image-tag', 'v1', '--image-manifest', file(JSON.stringify(other))], root, 'ImageTagAlreadyExistsException')
  assert.equal(message, "The image tag 'v1' already exists in the 'locked' repository and cannot be overwritten because the repository is immutable.")
  // A new tag for the new manifest is fine.
  ok(['ecr', 'put-image', '--repository-name', 'locked', '--image-tag', 'v2', '--image-manifest', file(JSON.stringify(other))], root)
})

/** An upload holding the built image's layer bytes, not yet completed. */
function uploadLayerOf(image: ReturnType<typeof buildImage>, who: ClientIdentity): string {
  const uploadId = ok(['ecr', 'initiate-layer-upload', '--repository-name', 'app'], who).uploadId
  const layer = `fileb://${image.dir}/layer`
  const size = statSync(`${image.dir}/layer`).size
  ok(['ecr', 'upload-layer-part', '--repository-name', 'app', '--upload-id', uploadId, '--part-first-byte', '0', '--part-last-byte', String(size - 1), '--layer-part-blob', layer], who)
  return uploadId
}
