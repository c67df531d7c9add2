import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isAwsError } from '../../aws/index.js'
import { parseAuthorization } from './parse-authorization.js'

const AUTH =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7'

function rejects(request: { headers: Record<string, string>; query: string }, code: string, message?: string, protocol: 'query' | 'json' | 'ec2' = 'query') {
  assert.throws(
    () => parseAuthorization(request, protocol),
    (error: unknown) => {
      assert.ok(isAwsError(error))
      assert.equal(error.code, code)
      if (message !== undefined) assert.equal(error.message, message)
      return true
    },
  )
}

test('reads the Authorization header', () => {
  const parts = parseAuthorization({ headers: { authorization: AUTH, 'x-amz-date': '20150830T123600Z' }, query: '' }, 'query')
  assert.equal(parts.location, 'header')
  assert.equal(parts.accessKeyId, 'AKIDEXAMPLE')
  assert.equal(parts.credentialScope, '20150830/us-east-1/iam/aws4_request')
  assert.deepEqual([parts.scopeDate, parts.region, parts.service, parts.terminator], ['20150830', 'us-east-1', 'iam', 'aws4_request'])
  assert.deepEqual(parts.signedHeaders, ['content-type', 'host', 'x-amz-date'])
  assert.equal(parts.signature, '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7')
  assert.equal(parts.amzDate, '20150830T123600Z')
  assert.equal(parts.amzDateSource, 'X-Amz-Date')
  assert.equal(parts.sessionToken, undefined)
})

test('takes the session token from X-Amz-Security-Token', () => {
  const parts = parseAuthorization(
    { headers: { authorization: AUTH, 'x-amz-date': '20150830T123600Z', 'x-amz-security-token': 'tok' }, query: '' },
    'query',
  )
  assert.equal(parts.sessionToken, 'tok')
})

test('falls back to the Date header, turned into ISO 8601 basic format', () => {
  const parts = parseAuthorization({ headers: { authorization: AUTH, date: 'Sun, 30 Aug 2015 12:36:00 GMT' }, query: '' }, 'query')
  assert.equal(parts.amzDate, '20150830T123600Z')
  assert.equal(parts.amzDateSource, 'Date')
})

test('no signature at all is MissingAuthenticationToken, spelled per protocol', () => {
  rejects({ headers: {}, query: 'Action=GetCallerIdentity' }, 'MissingAuthenticationToken', 'Request is missing Authentication Token')
  rejects({ headers: { authorization: '  ' }, query: '' }, 'MissingAuthenticationTokenException', 'Request is missing Authentication Token', 'json')
})

test('lists every missing part and echoes the header, as AWS does', () => {
  rejects(
    { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=ABCDEF' }, query: '' },
    'IncompleteSignature',
    "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=ABCDEF",
  )
  rejects(
    { headers: { authorization: 'Bearer abc.def', 'x-amz-date': '20150830T123600Z' }, query: '' },
    'IncompleteSignatureException',
    "'abc.def' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer abc.def'.",
    'json',
  )
  rejects(
    { headers: { authorization: 'Basic ZWxh==', 'x-amz-date': '20150830T123600Z' }, query: '' },
    'IncompleteSignature',
    "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=Basic ZWxh==",
  )
})

test('a blank inside the Credential is a key=value error', () => {
  rejects(
    {
      headers: {
        authorization: 'AWS4-HMAC-SHA256 Credential= key/20181128/eu-central-1/cloud9/aws4_request, SignedHeaders=host, Signature=x',
        'x-amz-date': '20181128T000000Z',
      },
      query: '',
    },
    'IncompleteSignature',
    "'key/20181128/eu-central-1/cloud9/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential= key/20181128/eu-central-1/cloud9/aws4_request, SignedHeaders=host, Signature=x'.",
  )
})

test('rejects a malformed credential, an unsigned host, a bad date and another algorithm', () => {
  const date = { 'x-amz-date': '20150830T123600Z' }
  rejects(
    { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1, SignedHeaders=host, Signature=ab', ...date }, query: '' },
    'IncompleteSignature',
    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKID/20150830/us-east-1'",
  )
  rejects(
    { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/sts/aws4_request, SignedHeaders=x-amz-date, Signature=ab', ...date }, query: '' },
    'IncompleteSignature',
    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  )
  rejects(
    { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=ab', 'x-amz-date': '2015-08-30T12:36:00Z' }, query: '' },
    'IncompleteSignature',
    "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
  )
  rejects(
    { headers: { authorization: 'AWS4-ECDSA-P256-SHA256 Credential=AKID/20150830/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=ab', ...date }, query: '' },
    'IncompleteSignature',
    "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'.",
  )
})

const PRESIGNED =
  'Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20240102%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240102T030405Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Security-Token=a%2Bb%3D&X-Amz-Signature=abc'

test('reads a presigned query string', () => {
  const parts = parseAuthorization({ headers: {}, query: PRESIGNED }, 'query')
  assert.equal(parts.location, 'query')
  assert.equal(parts.accessKeyId, 'ASIAEXAMPLE')
  assert.equal(parts.service, 'sts')
  assert.equal(parts.amzDate, '20240102T030405Z')
  assert.equal(parts.expiresSeconds, 60)
  assert.equal(parts.sessionToken, 'a+b=')
  assert.deepEqual(parts.signedHeaders, ['host'])
  assert.deepEqual(parts.query[0], ['Action', 'GetCallerIdentity'])
})

test('rejects an incomplete or overlong presigned query string', () => {
  rejects(
    { headers: {}, query: 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc' },
    'IncompleteSignature',
    "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
  )
  rejects(
    { headers: {}, query: PRESIGNED.replace('X-Amz-Expires=60', 'X-Amz-Expires=604801') },
    'IncompleteSignature',
    'X-Amz-Expires must be less than a week (in seconds) that is 604800',
  )
})

test('the Authorization header wins over presigned parameters', () => {
  const parts = parseAuthorization({ headers: { authorization: AUTH, 'x-amz-date': '20150830T123600Z' }, query: PRESIGNED }, 'query')
  assert.equal(parts.location, 'header')
  assert.equal(parts.accessKeyId, 'AKIDEXAMPLE')
})
