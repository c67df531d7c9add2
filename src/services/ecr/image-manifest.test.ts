import assert from 'node:assert/strict'
import { test } from 'node:test'
import { manifestDigest, MEDIA_TYPES, parseManifest } from './image-manifest.js'

const D = (c: string) => 'sha256:' + c.repeat(64)

test('an OCI manifest: config then layers, digest of the exact bytes', () => {
  const text = JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D('a'), size: 1 },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: D('B'), size: 2 }],
  })
  const parsed = parseManifest(text, undefined)
  assert.equal(parsed.mediaType, MEDIA_TYPES.ociManifest)
  assert.equal(parsed.digest, manifestDigest(text))
  assert.deepEqual(parsed.blobs.map((b) => b.digest), [D('a'), D('b')])
  assert.equal(parsed.configDigest, D('a'))
  assert.equal(parsed.configMediaType, 'application/vnd.oci.image.config.v1+json')
  // Whitespace changes the digest: ECR hashes the bytes as sent.
  assert.notEqual(parseManifest(text + ' ', undefined).digest, parsed.digest)
})

test('legacy schema 1 names its blobs in fsLayers', () => {
  const text = JSON.stringify({ schemaVersion: 1, fsLayers: [{ blobSum: D('c') }] })
  assert.deepEqual(parseManifest(text, MEDIA_TYPES.dockerSchema1Signed).blobs, [{ digest: D('c') }])
})

test('malformed manifests are InvalidParameterException', () => {
  const cases: Array<[string, string | undefined]> = [
    ['[]', MEDIA_TYPES.dockerManifest],
    [JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.dockerManifest, layers: [] }), undefined],
    [JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.dockerManifest, config: { digest: 'nope' }, layers: [] }), undefined],
    [JSON.stringify({ schemaVersion: 1, mediaType: MEDIA_TYPES.dockerManifest, config: { digest: D('a') }, layers: [] }), undefined],
    [JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex }), undefined],
  ]
  for (const [text, mediaType] of cases) {
    assert.throws(() => parseManifest(text, mediaType), (e: any) => e.code === 'InvalidParameterException', text)
  }
})
