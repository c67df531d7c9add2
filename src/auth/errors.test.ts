import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expiredToken, incompleteSignature, invalidClientTokenId, missingAuthenticationToken, signatureDoesNotMatch } from './errors.js'

// Codes, statuses and texts as AWS sends them (quoted in botocore / SDK issue threads and AWS's common-errors pages).
test('query services: the STS/IAM spellings', () => {
  const cases = [
    [missingAuthenticationToken('query'), 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token'],
    [invalidClientTokenId('query'), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.'],
    [
      signatureDoesNotMatch('query'),
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    ],
    [expiredToken('query'), 'ExpiredToken', 403, 'The security token included in the request is expired'],
    [incompleteSignature('query', 'why'), 'IncompleteSignature', 400, 'why'],
  ] as const
  for (const [error, code, status, message] of cases) assert.deepEqual([error.code, error.status, error.message, error.senderFault], [code, status, message, true])
})

test('JSON services: the Coral spellings, all 400', () => {
  assert.deepEqual([missingAuthenticationToken('json').code, missingAuthenticationToken('json').status], ['MissingAuthenticationTokenException', 400])
  assert.deepEqual([invalidClientTokenId('json').code, invalidClientTokenId('json').status], ['UnrecognizedClientException', 400])
  assert.equal(invalidClientTokenId('json').message, 'The security token included in the request is invalid.')
  assert.deepEqual([signatureDoesNotMatch('json').code, signatureDoesNotMatch('json').status], ['InvalidSignatureException', 400])
  assert.deepEqual([expiredToken('json').code, expiredToken('json').status], ['ExpiredTokenException', 400])
  assert.deepEqual([incompleteSignature('json', 'x').code, incompleteSignature('json', 'x').status], ['IncompleteSignatureException', 400])
})

test('EC2: AuthFailure and RequestExpired', () => {
  assert.deepEqual([invalidClientTokenId('ec2').code, invalidClientTokenId('ec2').status, invalidClientTokenId('ec2').message], [
    'AuthFailure',
    401,
    'AWS was not able to validate the provided access credentials',
  ])
  assert.deepEqual([expiredToken('ec2').code, expiredToken('ec2').status, expiredToken('ec2').message], ['RequestExpired', 400, 'Request has expired.'])
  assert.equal(signatureDoesNotMatch('ec2').code, 'SignatureDoesNotMatch')
})
