import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ecrRegistryHost, parseEcrImageUri } from './ecr-image-uri.js'

const DIGEST = 'sha256:' + 'ab'.repeat(32)

test('a tagged private ECR image', () => {
  assert.deepEqual(parseEcrImageUri('111122223333.dkr.ecr.us-east-1.amazonaws.com/team/web:v1'), {
    registryId: '111122223333',
    region: 'us-east-1',
    repositoryName: 'team/web',
    tag: 'v1',
    reference: 'v1',
  })
})

test('no tag pulls latest; a digest wins over a tag', () => {
  assert.equal(parseEcrImageUri('111122223333.dkr.ecr.eu-west-2.amazonaws.com/app')?.reference, 'latest')
  assert.equal(parseEcrImageUri('111122223333.dkr.ecr.eu-west-2.amazonaws.com/app')?.tag, undefined)
  const pinned = parseEcrImageUri(`111122223333.dkr.ecr.eu-west-2.amazonaws.com/app:v2@${DIGEST}`)
  assert.equal(pinned?.tag, 'v2')
  assert.equal(pinned?.digest, DIGEST)
  assert.equal(pinned?.reference, DIGEST)
  assert.equal(parseEcrImageUri(`111122223333.dkr.ecr.eu-west-2.amazonaws.com/app@${DIGEST}`)?.reference, DIGEST)
})

test('FIPS, China and dual-stack hosts', () => {
  assert.equal(parseEcrImageUri('111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com/a1:x')?.region, 'us-gov-west-1')
  assert.equal(parseEcrImageUri('111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/a1:x')?.region, 'cn-north-1')
  assert.equal(parseEcrImageUri('111122223333.dkr-ecr.us-east-1.on.aws/a1:x')?.registryId, '111122223333')
})

test('anything that is not a private ECR image is undefined', () => {
  for (const image of [
    'public.ecr.aws/aws-cli/aws-cli:latest',
    'busybox',
    'docker.io/library/busybox:latest',
    '1111222233.dkr.ecr.us-east-1.amazonaws.com/app:v1',
    '111122223333.dkr.ecr.us-east-1.amazonaws.com/',
    '111122223333.dkr.ecr.us-east-1.amazonaws.com/App:v1',
    '111122223333.dkr.ecr.us-east-1.amazonaws.com/app:bad tag',
    '111122223333.dkr.ecr.us-east-1.amazonaws.com/app@sha256:xyz',
  ]) {
    assert.equal(parseEcrImageUri(image), undefined, image)
  }
})

test('the registry host', () => {
  assert.equal(ecrRegistryHost('111122223333', 'us-east-1'), '111122223333.dkr.ecr.us-east-1.amazonaws.com')
})
