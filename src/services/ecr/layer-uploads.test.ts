import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEcr, failure, fakeCallContext, sha256, TEST_ACCOUNT } from './fake-call-context.js'
import { MIN_PART_SIZE, PART_SIZE } from './layer-uploads.js'
import { readLayerBlob } from './records.js'

function setUp() {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  return ctx
}

test('a blob in two consecutive parts completes under its sha256 digest and is readable', () => {
  const ctx = setUp()
  const first = Buffer.alloc(MIN_PART_SIZE, 1)
  const second = Buffer.from('tail')
  const { uploadId, partSize } = callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'app' })
  assert.equal(partSize, PART_SIZE)
  assert.match(uploadId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  const part1 = callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: 0, partLastByte: first.length - 1, layerPartBlob: first })
  assert.deepEqual(part1, { registryId: TEST_ACCOUNT, repositoryName: 'app', uploadId, lastByteReceived: first.length - 1 })
  callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: first.length, partLastByte: first.length + 3, layerPartBlob: second })
  const whole = Buffer.concat([first, second])
  const done = callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId, layerDigests: [sha256(whole)] })
  assert.equal(done.layerDigest, sha256(whole))
  assert.ok(readLayerBlob(ctx.store, { registryId: TEST_ACCOUNT, region: 'us-east-1', repositoryName: 'app' }, sha256(whole))?.equals(whole))
  // The upload is gone once completed.
  assert.equal(failure(() => callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId, layerDigests: [sha256(whole)] })).code, 'UploadNotFoundException')
})

test('a part that does not continue the upload is InvalidLayerPartException with the last valid byte', () => {
  const ctx = setUp()
  const { uploadId } = callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'app' })
  const gap = failure(() => callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: 5, partLastByte: 9, layerPartBlob: Buffer.from('hello') }))
  assert.equal(gap.code, 'InvalidLayerPartException')
  assert.equal(gap.fields?.lastValidByteReceived, undefined)
  callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: 0, partLastByte: 4, layerPartBlob: Buffer.from('hello') })
  const overlap = failure(() => callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: 3, partLastByte: 7, layerPartBlob: Buffer.from('world') }))
  assert.deepEqual(overlap.fields, { registryId: TEST_ACCOUNT, repositoryName: 'app', uploadId, lastValidByteReceived: 4 })
  // partLastByte must agree with the blob's length.
  assert.equal(failure(() => callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: 5, partLastByte: 20, layerPartBlob: Buffer.from('world') })).code, 'InvalidLayerPartException')
  // Nothing of the refused parts was kept: the upload completes as "hello".
  assert.equal(callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId, layerDigests: [sha256('hello')] }).layerDigest, sha256('hello'))
})

test('completing with a digest the bytes do not hash to is InvalidLayerException, and the upload stays', () => {
  const ctx = setUp()
  const { uploadId } = callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'app' })
  callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: 0, partLastByte: 4, layerPartBlob: Buffer.from('hello') })
  const wrong = failure(() => callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId, layerDigests: [sha256('other')] }))
  assert.equal(wrong.code, 'InvalidLayerException')
  assert.match(wrong.message, new RegExp(sha256('hello')))
  assert.equal(callEcr(ctx, 'BatchCheckLayerAvailability', { repositoryName: 'app', layerDigests: [sha256('hello')] }).layers.length, 0)
  assert.equal(callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId, layerDigests: [sha256('hello')] }).layerDigest, sha256('hello'))
})

test('empty uploads, small middle parts, existing layers and unknown uploads', () => {
  const ctx = setUp()
  const empty = callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'app' }).uploadId
  assert.equal(failure(() => callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId: empty, layerDigests: [sha256('')] })).code, 'EmptyUploadException')

  const small = callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'app' }).uploadId
  callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId: small, partFirstByte: 0, partLastByte: 1, layerPartBlob: Buffer.from('ab') })
  callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId: small, partFirstByte: 2, partLastByte: 3, layerPartBlob: Buffer.from('cd') })
  assert.equal(failure(() => callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId: small, layerDigests: [sha256('abcd')] })).code, 'LayerPartTooSmallException')

  for (let round = 0; round < 2; round++) {
    const { uploadId } = callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'app' })
    callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId, partFirstByte: 0, partLastByte: 2, layerPartBlob: Buffer.from('dup') })
    const complete = () => callEcr(ctx, 'CompleteLayerUpload', { repositoryName: 'app', uploadId, layerDigests: [sha256('dup')] })
    if (round === 0) complete()
    else assert.equal(failure(complete).code, 'LayerAlreadyExistsException')
  }

  const unknown = '00000000-0000-0000-0000-000000000000'
  assert.equal(failure(() => callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId: unknown, partFirstByte: 0, partLastByte: 0, layerPartBlob: Buffer.from('x') })).code, 'UploadNotFoundException')
  // An upload id of another repository is not valid here.
  callEcr(ctx, 'CreateRepository', { repositoryName: 'other' })
  const elsewhere = callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'other' }).uploadId
  assert.equal(failure(() => callEcr(ctx, 'UploadLayerPart', { repositoryName: 'app', uploadId: elsewhere, partFirstByte: 0, partLastByte: 0, layerPartBlob: Buffer.from('x') })).code, 'UploadNotFoundException')
  assert.equal(failure(() => callEcr(ctx, 'InitiateLayerUpload', { repositoryName: 'nope' })).code, 'RepositoryNotFoundException')
})
