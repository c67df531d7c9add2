import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEcr, fakeCallContext, TEST_ACCOUNT } from './fake-call-context.js'

test('GetAuthorizationToken: base64 "AWS:<password>", 12 hours, the registry proxy endpoint', () => {
  const ctx = fakeCallContext()
  const { authorizationData } = callEcr(ctx, 'GetAuthorizationToken', {})
  assert.equal(authorizationData.length, 1)
  const [data] = authorizationData
  assert.equal(data.proxyEndpoint, `https://${TEST_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`)
  assert.equal(data.expiresAt.toISOString(), '2025-01-02T15:04:05.000Z')
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString()
  assert.match(decoded, /^AWS:[A-Za-z0-9+/=]+$/)
  const password = JSON.parse(Buffer.from(decoded.slice(4), 'base64').toString())
  assert.equal(password.expiration, Date.parse('2025-01-02T15:04:05.000Z') / 1000)
})

test('one entry per registry asked for; the token never reaches the trail', () => {
  const ctx = fakeCallContext()
  const { authorizationData } = callEcr(ctx, 'GetAuthorizationToken', { registryIds: [TEST_ACCOUNT, '444455556666'] })
  assert.deepEqual(
    authorizationData.map((d: any) => d.proxyEndpoint),
    [`https://${TEST_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`, 'https://444455556666.dkr.ecr.us-east-1.amazonaws.com'],
  )
  assert.notEqual(authorizationData[0].authorizationToken, authorizationData[1].authorizationToken)
  const recorded = JSON.stringify(ctx.audit.responseElements)
  assert.match(recorded, /HIDDEN_DUE_TO_SECURITY_REASONS/)
  assert.ok(!recorded.includes(authorizationData[0].authorizationToken))
})
