import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readSigningScope } from './read-signing-scope.js'

test('reads the scope from the Authorization header', () => {
  const scope = readSigningScope({
    headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20240101/eu-west-1/ecs/aws4_request, SignedHeaders=host, Signature=ab' },
    query: '',
  })
  assert.deepEqual(scope, { accessKeyId: 'AKIAEXAMPLE', date: '20240101', region: 'eu-west-1', service: 'ecs' })
})

test('reads the scope from a presigned query string', () => {
  const scope = readSigningScope({ headers: {}, query: 'Action=GetCallerIdentity&X-Amz-Credential=test%2F20240101%2Fus-east-1%2Fsts%2Faws4_request' })
  assert.deepEqual(scope, { accessKeyId: 'test', date: '20240101', region: 'us-east-1', service: 'sts' })
})

test('undefined for unsigned requests and broken credentials', () => {
  assert.equal(readSigningScope({ headers: {}, query: 'Action=ListUsers' }), undefined)
  assert.equal(readSigningScope({ headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101' }, query: '' }), undefined)
  assert.equal(readSigningScope({ headers: { authorization: 'Bearer token' }, query: '' }), undefined)
})
