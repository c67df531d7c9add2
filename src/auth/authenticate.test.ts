import assert from 'node:assert/strict'
import { test } from 'node:test'
import { signLikeSdk, type SdkSigning } from '../../test/auth/sign-like-sdk.js'
import { isAwsError } from '../aws/index.js'
import { authenticate, type AuthenticateOptions } from './authenticate.js'
import type { AuthProtocol } from './errors.js'
import type { Principal } from './principal.js'
import type { IssuedCredential } from './resolve-access-key.js'
import { SigningKeyCache } from './sigv4/index.js'

const NOW = new Date('2024-05-06T07:08:09Z')
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15'

const alice: Principal = {
  type: 'IAMUser',
  accountId: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/alice',
  userId: 'AIDAEXAMPLEEXAMPLE12',
  userName: 'alice',
  path: '/',
  accessKeyId: 'AKIAALICEEXAMPLE0001',
}
const session: Principal = {
  type: 'AssumedRole',
  accountId: '111122223333',
  arn: 'arn:aws:sts::111122223333:assumed-role/app/task-1',
  userId: 'AROAEXAMPLEEXAMPLE12:task-1',
  roleArn: 'arn:aws:iam::111122223333:role/app',
  roleId: 'AROAEXAMPLEEXAMPLE12',
  roleName: 'app',
  rolePath: '/',
  sessionName: 'task-1',
  accessKeyId: 'ASIASESSIONEXAMPLE01',
  session: {
    issuedAt: new Date('2024-05-06T07:00:00Z'),
    expiresAt: new Date('2024-05-06T08:00:00Z'),
    sessionPolicies: [],
    tags: {},
    transitiveTagKeys: [],
    chained: false,
    mfaPresent: false,
    issuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/app', principalId: 'AROAEXAMPLEEXAMPLE12', accountId: '111122223333', userName: 'app' },
  },
}
const credentials: Record<string, IssuedCredential> = {
  AKIAALICEEXAMPLE0001: { secretAccessKey: 'alice-secret', principal: alice, active: true },
  AKIAINACTIVEEXAMPLE1: { secretAccessKey: 'inactive-secret', principal: { ...alice, accessKeyId: 'AKIAINACTIVEEXAMPLE1' }, active: false },
  ASIASESSIONEXAMPLE01: { secretAccessKey: 'session-secret', principal: session, sessionToken: 'session-token', expiresAt: new Date('2024-05-06T08:00:00Z'), active: true },
  ASIAEXPIREDEXAMPLE01: { secretAccessKey: 'expired-secret', principal: session, sessionToken: 'expired-token', expiresAt: new Date('2024-05-06T07:00:00Z'), active: true },
}

function options(overrides: Partial<AuthenticateOptions> = {}): AuthenticateOptions {
  return {
    rootSecret: 'test',
    defaultAccount: '000000000000',
    lenient: false,
    now: NOW,
    lookupCredential: (id) => credentials[id],
    signingKeys: new SigningKeyCache(),
    ...overrides,
  }
}

function sign(accessKeyId: string, secretAccessKey: string, extra: Partial<SdkSigning> = {}) {
  return signLikeSdk({ accessKeyId, secretAccessKey, body: BODY, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, signingDate: NOW, ...extra })
}

async function rejects(request: Promise<Parameters<typeof authenticate>[0]>, code: string, status: number, overrides: Partial<AuthenticateOptions> = {}, protocol: AuthProtocol = 'query') {
  const signed = await request
  assert.throws(
    () => authenticate(signed, protocol, options(overrides)),
    (error: unknown) => {
      assert.ok(isAwsError(error), String(error))
      assert.equal(error.code, code)
      assert.equal(error.status, status)
      return true
    },
  )
}

test('the root of any 12-digit account signs with the root secret', async () => {
  const principal = authenticate(await sign('111122223333', 'test'), 'query', options())
  assert.deepEqual(principal, { type: 'Root', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root', userId: '111122223333', accessKeyId: '111122223333' })
})

test('the key id test is the root of the default account', async () => {
  const principal = authenticate(await sign('test', 'other'), 'query', options({ rootSecret: 'other', defaultAccount: '999988887777' }))
  assert.equal(principal.type === 'Root' && principal.arn, 'arn:aws:iam::999988887777:root')
})

test('an IAM user key and a session key with its token authenticate as their principals', async () => {
  assert.equal(authenticate(await sign('AKIAALICEEXAMPLE0001', 'alice-secret'), 'query', options()), alice)
  const sessionRequest = await sign('ASIASESSIONEXAMPLE01', 'session-secret', { sessionToken: 'session-token' })
  assert.equal(authenticate(sessionRequest, 'json', options()), session)
})

test('a wrong secret is SignatureDoesNotMatch (InvalidSignatureException for JSON services)', async () => {
  await rejects(sign('111122223333', 'wrong'), 'SignatureDoesNotMatch', 403)
  await rejects(sign('AKIAALICEEXAMPLE0001', 'wrong'), 'InvalidSignatureException', 400, {}, 'json')
  await rejects(sign('AKIAALICEEXAMPLE0001', 'wrong'), 'SignatureDoesNotMatch', 403, {}, 'ec2')
})

test('an unknown or inactive key is InvalidClientTokenId, UnrecognizedClientException or AuthFailure', async () => {
  await rejects(sign('AKIAUNKNOWNEXAMPLE01', 'x'), 'InvalidClientTokenId', 403)
  await rejects(sign('AKIAUNKNOWNEXAMPLE01', 'x'), 'UnrecognizedClientException', 400, {}, 'json')
  await rejects(sign('AKIAUNKNOWNEXAMPLE01', 'x'), 'AuthFailure', 401, {}, 'ec2')
  await rejects(sign('AKIAINACTIVEEXAMPLE1', 'inactive-secret'), 'InvalidClientTokenId', 403)
})

test('a session key needs its own token', async () => {
  await rejects(sign('ASIASESSIONEXAMPLE01', 'session-secret'), 'InvalidClientTokenId', 403)
  await rejects(sign('ASIASESSIONEXAMPLE01', 'session-secret', { sessionToken: 'another-token' }), 'InvalidClientTokenId', 403)
})

test('an expired session key is ExpiredToken (ExpiredTokenException for JSON services)', async () => {
  await rejects(sign('ASIAEXPIREDEXAMPLE01', 'expired-secret', { sessionToken: 'expired-token' }), 'ExpiredToken', 403)
  await rejects(sign('ASIAEXPIREDEXAMPLE01', 'expired-secret', { sessionToken: 'expired-token' }), 'ExpiredTokenException', 400, {}, 'json')
})

test('a long-term key carrying a session token is refused, unless a lenient root key', async () => {
  await rejects(sign('111122223333', 'test', { sessionToken: 'testing' }), 'InvalidClientTokenId', 403)
  await rejects(sign('AKIAALICEEXAMPLE0001', 'alice-secret', { sessionToken: 'testing' }), 'InvalidClientTokenId', 403, { lenient: true })
  const principal = authenticate(await sign('test', 'test', { sessionToken: 'testing' }), 'query', options({ lenient: true }))
  assert.equal(principal.type, 'Root')
})

test('lenient takes an unknown key as the default root without checking its signature', async () => {
  const request = await sign('AKIAMOCKEXAMPLE00001', 'made-up', { signingDate: new Date('2001-01-01T00:00:00Z') })
  const principal = authenticate(request, 'query', options({ lenient: true }))
  assert.deepEqual(principal, { type: 'Root', accountId: '000000000000', arn: 'arn:aws:iam::000000000000:root', userId: '000000000000', accessKeyId: 'AKIAMOCKEXAMPLE00001' })
})

test('lenient still verifies issued keys and root keys', async () => {
  await rejects(sign('AKIAALICEEXAMPLE0001', 'wrong'), 'SignatureDoesNotMatch', 403, { lenient: true })
  await rejects(sign('ASIAEXPIREDEXAMPLE01', 'expired-secret', { sessionToken: 'expired-token' }), 'ExpiredToken', 403, { lenient: true })
  await rejects(sign('111122223333', 'wrong'), 'SignatureDoesNotMatch', 403, { lenient: true })
})

test('a request signed 16 minutes ago has expired', async () => {
  await rejects(sign('111122223333', 'test', { signingDate: new Date(NOW.getTime() - 16 * 60_000) }), 'SignatureDoesNotMatch', 403)
})

test('presigned URLs authenticate until X-Amz-Expires', async () => {
  const presigned = sign('ASIASESSIONEXAMPLE01', 'session-secret', {
    method: 'GET',
    body: '',
    headers: {},
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    sessionToken: 'session-token',
    presignExpiresIn: 60,
  })
  assert.equal(authenticate(await presigned, 'query', options()), session)
  await rejects(presigned, 'SignatureDoesNotMatch', 403, { now: new Date(NOW.getTime() + 61_000) })
})

test('an unsigned request is MissingAuthenticationToken', () => {
  const request = { method: 'POST', path: '/', query: '', headers: { host: 'x' }, body: Buffer.from(BODY) }
  assert.throws(() => authenticate(request, 'query', options()), (error: unknown) => isAwsError(error) && error.code === 'MissingAuthenticationToken' && error.status === 403)
  assert.throws(() => authenticate(request, 'json', options()), (error: unknown) => isAwsError(error) && error.code === 'MissingAuthenticationTokenException' && error.status === 400)
})

test('works without a signing key cache', async () => {
  assert.equal(authenticate(await sign('AKIAALICEEXAMPLE0001', 'alice-secret'), 'query', options({ signingKeys: undefined })), alice)
})
