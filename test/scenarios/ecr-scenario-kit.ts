//! Shared by the ECR and EC2 scenario tests: the aws CLI expecting success or an error code, IAM users and role
//! sessions with given inline policies (made with the CLI as a user would), and an image push exactly as
//! shared/conformance/lib.sh `ecr_push_image` does it (same Python-built blobs, same CLI calls).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boto3, type ClientIdentity } from '../support/aws-cli.js'
import { clientTools } from '../support/client-tools.js'

export { ok, fails, file, allow } from '../support/cli-assertions.js'
import { ok, allow } from '../support/cli-assertions.js'

/** Runs a boto3 script that prints JSON; fails the test on a non-zero exit. */
export function py(script: string, who: ClientIdentity): any {
  const result = boto3(script, who)
  assert.equal(result.code, 0, result.stderr)
  return result.json
}

/** An IAM user holding the given inline policies, and its access key (boto3, one process: the CLI is slow to start). */
export function userWith(root: ClientIdentity, userName: string, policies: Record<string, unknown> = {}): { identity: ClientIdentity; arn: string } {
  const out = py(
    `
import boto3, json
iam = boto3.client("iam")
arn = iam.create_user(UserName=${JSON.stringify(userName)})["User"]["Arn"]
for name, document in json.loads(${JSON.stringify(JSON.stringify(policies))}).items():
    iam.put_user_policy(UserName=${JSON.stringify(userName)}, PolicyName=name, PolicyDocument=json.dumps(document))
key = iam.create_access_key(UserName=${JSON.stringify(userName)})["AccessKey"]
print(json.dumps({"arn": arn, "id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}))
`,
    root,
  )
  return { identity: { endpoint: root.endpoint, accessKeyId: out.id, secretAccessKey: out.secret }, arn: out.arn }
}

/** A role with the given inline policies and managed policy ARNs, assumed by a user of its account. */
export function roleSession(
  root: ClientIdentity,
  account: string,
  roleName: string,
  policies: Record<string, unknown>,
  managed: string[] = [],
): { identity: ClientIdentity; arn: string; roleArn: string } {
  const assumer = userWith(root, `${roleName}-assumer`, { assume: allow('sts:AssumeRole', `arn:aws:iam::${account}:role/${roleName}`) })
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: assumer.arn }, Action: 'sts:AssumeRole' }] }
  const roleArn = py(
    `
import boto3, json
iam = boto3.client("iam")
arn = iam.create_role(RoleName=${JSON.stringify(roleName)}, AssumeRolePolicyDocument=${JSON.stringify(JSON.stringify(trust))})["Role"]["Arn"]
for name, document in json.loads(${JSON.stringify(JSON.stringify(policies))}).items():
    iam.put_role_policy(RoleName=${JSON.stringify(roleName)}, PolicyName=name, PolicyDocument=json.dumps(document))
for policy_arn in ${JSON.stringify(managed)}:
    iam.attach_role_policy(RoleName=${JSON.stringify(roleName)}, PolicyArn=policy_arn)
print(json.dumps(arn))
`,
    root,
  )
  const session = py(
    `
import boto3, json
out = boto3.client("sts").assume_role(RoleArn=${JSON.stringify(roleArn)}, RoleSessionName="f83b93a4dc3442a18eaaf8c2a235cd37")
print(json.dumps({"arn": out["AssumedRoleUser"]["Arn"], "c": {k: out["Credentials"][k] for k in ("AccessKeyId", "SecretAccessKey", "SessionToken")}}))
`,
    assumer.identity,
  )
  return {
    identity: { endpoint: root.endpoint, accessKeyId: session.c.AccessKeyId, secretAccessKey: session.c.SecretAccessKey, sessionToken: session.c.SessionToken },
    arn: session.arn,
    roleArn,
  }
}

export const EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'

/** lib.sh's Python, verbatim in effect: a gzip layer with one file, its config, and a schema 2 manifest (indent 3). */
const BUILD_IMAGE = String.raw`
import gzip, hashlib, io, json, os, sys, tarfile
d = sys.argv[1]
def digest(b): return "sha256:" + hashlib.sha256(b).hexdigest()
raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w") as t:
    data = b"hello from an image pushed by a taskrole scenario\n"
    info = tarfile.TarInfo("hello.txt"); info.size = len(data); info.mtime = 0
    t.addfile(info, io.BytesIO(data))
layer = gzip.compress(raw.getvalue(), mtime=0)
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["cat", "/hello.txt"]},
                     "rootfs": {"type": "layers", "diff_ids": [digest(raw.getvalue())]}},
                    separators=(",", ":")).encode()
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                       "size": len(config), "digest": digest(config)},
            "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                        "size": len(layer), "digest": digest(layer)}]}
for name, data in (("config", config), ("layer", layer)):
    open(os.path.join(d, name), "wb").write(data)
    open(os.path.join(d, name + ".digest"), "w").write(digest(data))
open(os.path.join(d, "manifest.json"), "w").write(json.dumps(manifest, indent=3))
`

export interface BuiltImage {
  dir: string
  configDigest: string
  layerDigest: string
  manifestPath: string
  manifest: string
}

export function buildImage(): BuiltImage {
  const dir = mkdtempSync(join(tmpdir(), 'taskrole-ecr-image-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const result = spawnSync(clientTools().python, ['-c', BUILD_IMAGE, dir], { encoding: 'utf8' })
  assert.equal(result.status, 0, result.stderr)
  return {
    dir,
    configDigest: readFileSync(join(dir, 'config.digest'), 'utf8'),
    layerDigest: readFileSync(join(dir, 'layer.digest'), 'utf8'),
    manifestPath: join(dir, 'manifest.json'),
    manifest: readFileSync(join(dir, 'manifest.json'), 'utf8'),
  }
}

/** initiate-layer-upload / upload-layer-part / complete-layer-upload of one blob of a built image. */
export function uploadBlob(image: BuiltImage, blob: 'config' | 'layer', repo: string, who: ClientIdentity, extra: string[] = []): string {
  const uploadId = ok(['ecr', 'initiate-layer-upload', '--repository-name', repo, ...extra], who).uploadId
  const path = join(image.dir, blob)
  const size = statSync(path).size
  ok(
    ['ecr', 'upload-layer-part', '--repository-name', repo, '--upload-id', uploadId, '--part-first-byte', '0', '--part-last-byte', String(size - 1), '--layer-part-blob', `fileb://${path}`, ...extra],
    who,
  )
  const digest = readFileSync(`${path}.digest`, 'utf8')
  const out = ok(['ecr', 'complete-layer-upload', '--repository-name', repo, '--upload-id', uploadId, '--layer-digests', digest, ...extra], who)
  assert.equal(out.layerDigest, digest, 'complete-layer-upload layerDigest')
  return digest
}

/** lib.sh `ecr_push_image REPO TAG`: both blobs, then put-image with the manifest file; answers the image digest. */
export function ecrPushImage(repo: string, tag: string, who: ClientIdentity): { digest: string; image: BuiltImage } {
  const image = buildImage()
  uploadBlob(image, 'config', repo, who)
  uploadBlob(image, 'layer', repo, who)
  const out = ok(['ecr', 'put-image', '--repository-name', repo, '--image-tag', tag, '--image-manifest', `file://${image.manifestPath}`], who)
  return { digest: out.image.imageId.imageDigest, image }
}

/** The same image pushed with boto3 in one process (setup for tests about something else than the push). */
export function pushImageQuickly(repo: string, tag: string, who: ClientIdentity, registryId?: string): { digest: string; image: BuiltImage } {
  const image = buildImage()
  const registry = registryId ? `registryId=${JSON.stringify(registryId)}, ` : ''
  const digest = py(
    `
import boto3, json, os
ecr = boto3.client("ecr")
d = ${JSON.stringify(image.dir)}
for blob in ("config", "layer"):
    data = open(os.path.join(d, blob), "rb").read()
    up = ecr.initiate_layer_upload(${registry}repositoryName=${JSON.stringify(repo)})["uploadId"]
    ecr.upload_layer_part(${registry}repositoryName=${JSON.stringify(repo)}, uploadId=up, partFirstByte=0, partLastByte=len(data) - 1, layerPartBlob=data)
    ecr.complete_layer_upload(${registry}repositoryName=${JSON.stringify(repo)}, uploadId=up, layerDigests=[open(os.path.join(d, blob + ".digest")).read()])
out = ecr.put_image(${registry}repositoryName=${JSON.stringify(repo)}, imageTag=${JSON.stringify(tag)}, imageManifest=open(os.path.join(d, "manifest.json")).read())
print(json.dumps(out["image"]["imageId"]["imageDigest"]))
`,
    who,
  )
  return { digest, image }
}
