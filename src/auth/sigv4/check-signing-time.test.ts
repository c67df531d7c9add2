import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isAwsError } from '../../aws/index.js'
import { checkSigningTime } from './check-signing-time.js'
import type { SignatureParts } from './parse-authorization.js'

function parts(overrides: Partial<SignatureParts> = {}): SignatureParts {
  return {
    location: 'header',
    accessKeyId: 'AKIAEXAMPLE',
    credentialScope: '20220127/us-east-1/sts/aws4_request',
    scopeDate: '20220127',
    region: 'us-east-1',
    service: 'sts',
    terminator: 'aws4_request',
    signedHeaders: ['host'],
    signature: 'ab',
    amzDate: '20220127T001427Z',
    amzDateSource: 'X-Amz-Date',
    query: [],
    ...overrides,
  }
}

function rejects(p: SignatureParts, now: string, code: string, message: string, protocol: 'query' | 'json' | 'ec2' = 'query') {
  assert.throws(
    () => checkSigningTime(p, new Date(now), protocol),
    (error: unknown) => isAwsError(error) && error.code === code && error.message === message,
  )
}

test('accepts a request within 15 minutes either way', () => {
  checkSigningTime(parts(), new Date('2022-01-27T00:29:27Z'), 'query')
  checkSigningTime(parts(), new Date('2022-01-26T23:59:27Z'), 'query')
})

// The wording is AWS's: aws-cli issue 6676 quotes it from STS GetCallerIdentity.
test('a request signed more than 15 minutes ago has expired', () => {
  rejects(
    parts(),
    '2022-01-27T01:59:28Z',
    'SignatureDoesNotMatch',
    'Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z (20220127T015928Z - 15 min.)',
  )
  rejects(
    parts(),
    '2022-01-27T01:59:28Z',
    'InvalidSignatureException',
    'Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z (20220127T015928Z - 15 min.)',
    'json',
  )
  rejects(parts(), '2022-01-27T01:59:28Z', 'RequestExpired', 'Request has expired.', 'ec2')
})

test('a request signed more than 15 minutes ahead is not yet current', () => {
  rejects(
    parts(),
    '2022-01-26T23:59:26Z',
    'SignatureDoesNotMatch',
    'Signature not yet current: 20220127T001427Z is still later than 20220127T001426Z (20220126T235926Z + 15 min.)',
  )
})

test('a presigned URL lives for its X-Amz-Expires', () => {
  const presigned = parts({ location: 'query', expiresSeconds: 60 })
  checkSigningTime(presigned, new Date('2022-01-27T00:15:27Z'), 'query')
  rejects(
    presigned,
    '2022-01-27T00:15:28Z',
    'SignatureDoesNotMatch',
    'Signature expired: 20220127T001427Z is now earlier than 20220127T001428Z (20220127T001528Z - 1 min.)',
  )
  checkSigningTime(parts({ location: 'query', expiresSeconds: 3600 }), new Date('2022-01-27T01:14:00Z'), 'query')
})

test('the scope date must be the request date, and the terminator aws4_request', () => {
  rejects(
    parts({ scopeDate: '20220126' }),
    '2022-01-27T00:14:27Z',
    'SignatureDoesNotMatch',
    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20220126' != '20220127', from 'X-Amz-Date'.",
  )
  rejects(
    parts({ terminator: 'aws5_request' }),
    '2022-01-27T00:14:27Z',
    'SignatureDoesNotMatch',
    "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
  )
})
