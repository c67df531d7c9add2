import assert from 'node:assert/strict'
import { test } from 'node:test'
import { signLikeSdk } from '../../../test/auth/sign-like-sdk.js'
import { parseAuthorization } from './parse-authorization.js'
import { SigningKeyCache } from './signing-key-cache.js'
import { verifySignature, type VerifiableRequest } from './verify-signature.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'

function verify(request: VerifiableRequest & { query: string }, secret: string, cache?: SigningKeyCache): boolean {
  return verifySignature(parseAuthorization(request, 'query'), request, secret, cache)
}

// AWS General Reference, "Signature Version 4 signing process" worked example (IAM ListUsers, GET).
test('verifies the AWS documentation example', () => {
  const request = {
    method: 'GET',
    path: '/',
    query: 'Action=ListUsers&Version=2010-05-08',
    headers: {
      host: 'iam.amazonaws.com',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    },
    body: Buffer.alloc(0),
  }
  assert.equal(verify(request, SECRET), true)
  assert.equal(verify(request, 'another secret'), false)
  assert.equal(verify({ ...request, query: 'Action=ListRoles&Version=2010-05-08' }, SECRET), false)
})

// The SigV4 test suite's "get-vanilla" case.
test('verifies the SigV4 test suite get-vanilla case', () => {
  const request = {
    method: 'GET',
    path: '/',
    query: '',
    headers: {
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    },
    body: Buffer.alloc(0),
  }
  assert.equal(verify(request, SECRET), true)
})

const signingDate = new Date('2024-03-04T05:06:07Z')

test('verifies what the SDK signer signs: body, awkward path and query, extra headers', async () => {
  const request = await signLikeSdk({
    accessKeyId: 'AKIAEXAMPLE',
    secretAccessKey: SECRET,
    path: '/a%20b/./c/../d',
    query: { 'b c': 'x/y+z é', a: ['2', '1'], empty: '' },
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters', 'x-custom': '  a   b  ' },
    body: '{"maxResults":5}',
    signingDate,
  })
  const cache = new SigningKeyCache()
  assert.equal(verify(request, SECRET, cache), true)
  assert.equal(verify(request, SECRET, cache), true, 'the cached key gives the same answer')
  assert.equal(verify({ ...request, body: Buffer.from('{"maxResults":6}') }, SECRET), false, 'a changed body')
  assert.equal(verify({ ...request, headers: { ...request.headers, 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DeleteCluster' } }, SECRET), false)
  assert.equal(verify({ ...request, method: 'PUT' }, SECRET), false)
  assert.equal(verify({ ...request, path: '/a%20b/d/e' }, SECRET), false)
})

test('unsigned headers may change freely', async () => {
  const request = await signLikeSdk({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: SECRET, body: 'Action=GetCallerIdentity', signingDate })
  assert.equal(verify({ ...request, headers: { ...request.headers, 'user-agent': 'other/1.0' } }, SECRET), true)
})

test('verifies a presigned URL, signed query parameters included', async () => {
  const request = await signLikeSdk({
    accessKeyId: 'ASIAEXAMPLE',
    secretAccessKey: SECRET,
    sessionToken: 'token/with+chars=',
    method: 'GET',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    signingDate,
    presignExpiresIn: 900,
  })
  assert.equal(request.headers['authorization'], undefined)
  assert.equal(verify(request, SECRET), true)
  assert.equal(verify({ ...request, query: request.query.replace('GetCallerIdentity', 'AssumeRole') }, SECRET), false)
})

test('a declared x-amz-content-sha256 must be the body hash', async () => {
  const request = await signLikeSdk({
    accessKeyId: 'AKIAEXAMPLE',
    secretAccessKey: SECRET,
    headers: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    body: '',
    signingDate,
  })
  assert.equal(verify(request, SECRET), true)
  assert.equal(verify({ ...request, body: Buffer.from('smuggled') }, SECRET), false)
})
