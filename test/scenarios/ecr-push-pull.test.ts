//! ECR with real clients: an image pushed exactly as conformance's `ecr_push_image` does (aws CLI), pulled with boto3
//! (batch-get-image, get-download-url-for-layer) and the SDK v3; a manifest whose layers were never uploaded is
//! refused; a missing tag; GetAuthorizationToken; and AWS's error for every bad input, with nothing changed.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, test } from 'node:test'
import { BatchGetImageCommand, ECRClient, GetAuthorizationTokenCommand, LayersNotFoundException, PutImageCommand } from '@aws-sdk/client-ecr'
import { boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { buildImage, ecrPushImage, fails, file, ok, pushImageQuickly, py, uploadBlob } from './ecr-scenario-kit.js'

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

  // With the aws CLI as a user would type them.
  fails(['ecr', 'create-repository', '--repository-name', 'app'], root, 'RepositoryAlreadyExistsException')
  assert.equal(
    fails(['ecr', 'describe-repositories', '--repository-names', 'missing'], root, 'RepositoryNotFoundException'),
    `The repository with name 'missing' does not exist in the registry with id '${account}'`,
  )
  const uploadId = ok(['ecr', 'initiate-layer-upload', '--repository-name', 'app'], root).uploadId
  const part = file(Buffer.from('0123456789'), true)
  fails(['ecr', 'upload-layer-part', '--repository-name', 'app', '--upload-id', uploadId, '--part-first-byte', '5', '--part-last-byte', '14', '--layer-part-blob', part], root, 'InvalidLayerPartException')
  assert.equal(
    fails(['ecr', 'put-image', '--repository-name', 'app', '--image-tag', 'v2', '--image-manifest', '{not json'], root, 'InvalidParameterException'),
    "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
  )

  // The rest with boto3, in one process.
  const errors = py(
    `
import boto3, botocore, json
ecr = boto3.client("ecr")
d = ${JSON.stringify(image.dir)}
manifest = open(d + "/manifest.json").read()
layer = open(d + "/layer", "rb").read()
out = {}
def attempt(name, call, **kwargs):
    try:
        call(**kwargs)
        out[name] = None
    except botocore.exceptions.ClientError as e:
        out[name] = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
attempt("not-empty", ecr.delete_repository, repositoryName="app")
ecr.upload_layer_part(repositoryName="app", uploadId=${JSON.stringify(uploadId)}, partFirstByte=0, partLastByte=9, layerPartBlob=b"0123456789")
attempt("wrong-digest", ecr.complete_layer_upload, repositoryName="app", uploadId=${JSON.stringify(uploadId)}, layerDigests=["sha256:" + "0" * 64])
attempt("unknown-upload", ecr.upload_layer_part, repositoryName="app", uploadId="00000000-0000-0000-0000-000000000000", partFirstByte=0, partLastByte=0, layerPartBlob=b"x")
attempt("same-tag", ecr.put_image, repositoryName="app", imageTag="v1", imageManifest=manifest)
attempt("digest-mismatch", ecr.put_image, repositoryName="app", imageTag="v2", imageDigest="sha256:" + "1" * 64, imageManifest=manifest)
again = ecr.initiate_layer_upload(repositoryName="app")["uploadId"]
ecr.upload_layer_part(repositoryName="app", uploadId=again, partFirstByte=0, partLastByte=len(layer) - 1, layerPartBlob=layer)
attempt("layer-exists", ecr.complete_layer_upload, repositoryName="app", uploadId=again, layerDigests=[${JSON.stringify(image.layerDigest)}])
attempt("bad-policy", ecr.set_repository_policy, repositoryName="app", policyText=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*"}]}))
attempt("no-policy", ecr.get_repository_policy, repositoryName="app")
attempt("no-layer", ecr.get_download_url_for_layer, repositoryName="app", layerDigest="sha256:" + "2" * 64)
attempt("no-repo", ecr.batch_get_image, repositoryName="nope", imageIds=[{"imageTag": "v1"}])
print(json.dumps(out))
`,
    root,
  )
  assert.deepEqual(errors['not-empty'], [
    'RepositoryNotEmptyException',
    `The repository with name 'app' in registry with id '${account}' cannot be deleted because it still contains images`,
  ])
  assert.equal(errors['wrong-digest'][0], 'InvalidLayerException')
  assert.equal(errors['unknown-upload'][0], 'UploadNotFoundException')
  assert.deepEqual(errors['same-tag'], [
    'ImageAlreadyExistsException',
    `Image with digest '${digest}' and tag 'v1' already exists in the repository with name 'app' in registry with id '${account}'`,
  ])
  assert.equal(errors['digest-mismatch'][0], 'ImageDigestDoesNotMatchException')
  assert.equal(errors['layer-exists'][0], 'LayerAlreadyExistsException')
  assert.deepEqual(errors['bad-policy'], ['InvalidParameterException', "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'"])
  assert.deepEqual(errors['no-policy'], [
    'RepositoryPolicyNotFoundException',
    `Repository policy does not exist for the repository with name 'app' in the registry with id '${account}'`,
  ])
  assert.equal(errors['no-layer'][0], 'LayersNotFoundException')
  assert.deepEqual(errors['no-repo'], ['RepositoryNotFoundException', `The repository with name 'nope' does not exist in the registry with id '${account}'`])

  // Nothing changed: one image, one tag, no policy; the repository goes only with --force.
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
