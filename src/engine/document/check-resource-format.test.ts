//! Resource format rules beyond the decision table: partitions, access points, vendor wildcards, check order.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkResourceFormats, resourceFormatError } from './check-resource-format.js'

test('accepts "*", ARNs in known partitions and wildcard partitions', () => {
  for (const ok of ['*', 'arn:aws:s3:::bucket', 'arn:*:s3:::bucket', 'arn:aws-cn:ecr:cn-north-1:111122223333:repository/x', 'arn:aws:iam::111122223333:root']) {
    assert.equal(resourceFormatError(ok), undefined, ok)
  }
})

test('S3 access points may carry a region, buckets may not', () => {
  assert.equal(resourceFormatError('arn:aws:s3:us-west-2:111122223333:accesspoint/ap'), undefined)
  assert.equal(resourceFormatError('arn:aws:s3:us-west-2::bucket'), 'Resource arn:aws:s3:us-west-2::bucket can not contain region information.')
})

test('a wildcard in the vendor part is not qualified', () => {
  assert.equal(resourceFormatError('arn:aws:s*:::bucket'), 'Resource vendor must be fully qualified and cannot contain regexes.')
})

test('the legacy parser is not consulted after a format error', () => {
  const statements = [
    { Effect: 'Allow', Action: 's3:*', Resource: 'not-an-arn' },
    { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3::bucket' },
  ]
  assert.deepEqual(checkResourceFormats(statements), { error: 'Resource not-an-arn must be in ARN format or "*".', legacyFailure: false })
  assert.deepEqual(checkResourceFormats([...statements].reverse()), { error: undefined, legacyFailure: true })
})
