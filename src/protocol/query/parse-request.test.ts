// Query-protocol input as botocore 1.43.11 serializes it (bodies below are its output) read back into member objects.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type RawHttpRequest } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['iam', 'sts', 'elbv2'] })

function form(params: Record<string, string | number>, query = ''): RawHttpRequest {
  const body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
  return { method: 'POST', path: '/', query, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: Buffer.from(body) }
}

function parse(request: RawHttpRequest, scope?: string) {
  return catalog.parseInput(catalog.identify(request, scope), request)
}

test('nested list of structures: Tags.member.N.Key / Value, integers as numbers', () => {
  const input = parse(
    form({
      Action: 'CreateRole',
      Version: '2010-05-08',
      RoleName: 'r',
      AssumeRolePolicyDocument: '{"a": 1}',
      'Tags.member.2.Key': 'k2',
      'Tags.member.2.Value': '',
      'Tags.member.1.Key': 'k',
      'Tags.member.1.Value': 'v w',
      MaxSessionDuration: 3600,
    }),
  )
  assert.deepEqual(input, {
    RoleName: 'r',
    AssumeRolePolicyDocument: '{"a": 1}',
    MaxSessionDuration: 3600,
    // items come back in index order whatever order the form listed them in
    Tags: [
      { Key: 'k', Value: 'v w' },
      { Key: 'k2', Value: '' },
    ],
  })
})

test('list of strings (Filter.member.N), explicit empty list (Tags=), unknown parameters ignored', () => {
  assert.deepEqual(parse(form({ Action: 'GetAccountAuthorizationDetails', Version: '2010-05-08', 'Filter.member.1': 'Role', 'Filter.member.2': 'User' })), {
    Filter: ['Role', 'User'],
  })
  assert.deepEqual(parse(form({ Action: 'TagRole', Version: '2010-05-08', RoleName: 'r', Tags: '' })), { RoleName: 'r', Tags: [] })
  assert.deepEqual(parse(form({ Action: 'GetRole', Version: '2010-05-08', RoleName: 'r', 'X-Amz-Date': '20240101T000000Z', Bogus: '1' })), { RoleName: 'r' })
})

test('parameters from the URL query string (GET-style query requests) count too', () => {
  const request: RawHttpRequest = { method: 'GET', path: '/', query: 'Action=GetRole&Version=2010-05-08&RoleName=from-query', headers: {}, body: Buffer.alloc(0) }
  assert.deepEqual(parse(request), { RoleName: 'from-query' })
})

test('lower-case member names keep their spelling (PolicyArns.member.1.arn)', () => {
  const input = parse(
    form({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 'ss', DurationSeconds: 900, 'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
  )
  assert.deepEqual(input, {
    RoleArn: 'arn:aws:iam::111122223333:role/r',
    RoleSessionName: 'ss',
    PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    DurationSeconds: 900,
  })
})

test('maps: Params.entry.N.key / value inside a list of structures (ELBv2 CreateListener)', () => {
  const input = parse(
    form({
      Action: 'CreateListener',
      Version: '2015-12-01',
      LoadBalancerArn: 'arn:lb',
      'DefaultActions.member.1.Type': 'authenticate-oidc',
      'DefaultActions.member.1.AuthenticateOidcConfig.Issuer': 'i',
      'DefaultActions.member.1.AuthenticateOidcConfig.AuthorizationEndpoint': 'a',
      'DefaultActions.member.1.AuthenticateOidcConfig.TokenEndpoint': 't',
      'DefaultActions.member.1.AuthenticateOidcConfig.UserInfoEndpoint': 'u',
      'DefaultActions.member.1.AuthenticateOidcConfig.ClientId': 'c',
      'DefaultActions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key': 'display',
      'DefaultActions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value': 'page',
      'DefaultActions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.key': 'prompt',
      'DefaultActions.member.1.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.value': 'login',
      Port: 443,
    }),
    'elasticloadbalancing',
  )
  const action = (input.DefaultActions as Record<string, unknown>[])[0]!
  assert.equal(action.Type, 'authenticate-oidc')
  assert.deepEqual((action.AuthenticateOidcConfig as Record<string, unknown>).AuthenticationRequestExtraParams, { display: 'page', prompt: 'login' })
  assert.equal(input.Port, 443)
})

test('booleans and numbers are typed; a value that does not parse is a validation error', () => {
  const input = parse(form({ Action: 'UpdateRole', Version: '2010-05-08', RoleName: 'r', MaxSessionDuration: '7200' }))
  assert.equal(input.MaxSessionDuration, 7200)
  assert.throws(
    () => parse(form({ Action: 'UpdateRole', Version: '2010-05-08', RoleName: 'r', MaxSessionDuration: 'soon' })),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'ValidationError')
      assert.equal(error.message, "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must be a valid Integer")
      return true
    },
  )
  assert.deepEqual(parse(form({ Action: 'ListRoles', Version: '2010-05-08', MaxItems: 5 })), { MaxItems: 5 })
  const arn = 'arn:aws:iam::111122223333:policy/p'
  assert.deepEqual(parse(form({ Action: 'CreatePolicyVersion', Version: '2010-05-08', PolicyArn: arn, PolicyDocument: '{}', SetAsDefault: 'true' })), {
    PolicyArn: arn,
    PolicyDocument: '{}',
    SetAsDefault: true,
  })
  assert.equal(parse(form({ Action: 'CreatePolicyVersion', Version: '2010-05-08', PolicyArn: arn, PolicyDocument: '{}', SetAsDefault: 'false' })).SetAsDefault, false)
})
