//! IAM's MalformedPolicyDocument answers, word for word, for the documents people get wrong. Expected strings
//! are AWS's (as recorded from real CreatePolicy/PutRolePolicy/CreateRole calls in public issue threads and
//! AWS-verified emulator suites; research/iam.md §1.16), never ours.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { policySize, validatePolicyDocument, type PolicyKind, type ValidateOptions } from '../../src/engine/index.js'

interface MessageCase {
  document: unknown
  kind?: PolicyKind
  message: string
  options?: ValidateOptions
}

const bucket = 'arn:aws:s3:::example_bucket'
const v = (statement: unknown, extra: object = {}) => ({ Version: '2012-10-17', Statement: statement, ...extra })
const listBucket = (extra: object = {}) => v({ Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket, ...extra })

const SYNTAX = 'Syntax errors in policy.'
const LEGACY = 'The policy failed legacy parsing'
const VERSION = 'Policy document must be version 2012-10-17 or greater.'
const ACTIONS = 'Policy statement must contain actions.'
const RESOURCES = 'Policy statement must contain resources.'
const VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'
const IAM_PATH =
  'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.'

const cases: Array<[string, MessageCase]> = [
  ['not JSON', { document: 'This is not a json document', message: SYNTAX }],
  ['a managed policy without Version', { kind: 'managed', document: { Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket } }, message: VERSION }],
  ['a managed policy with Version 2008-10-17', { kind: 'managed', document: { Version: '2008-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket } }, message: VERSION }],
  ['a permissions boundary with Version 2008-10-17', { kind: 'boundary', document: { Version: '2008-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket } }, message: VERSION }],
  ['an unknown Version', { document: { Version: '2013-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket } }, message: SYNTAX }],
  ['no Statement', { document: { Version: '2012-10-17' }, message: SYNTAX }],
  ['an empty Statement list', { document: v([]), message: SYNTAX }],
  ['a statement that is a string', { document: v(['afd']), message: SYNTAX }],
  ['an extra top-level field', { document: { ...(listBucket() as object), 'Extra field': 'value' }, message: SYNTAX }],
  ['an extra statement field', { document: listBucket({ 'Extra field': 'value' }), message: SYNTAX }],
  ['an Id that is a list', { document: { ...(listBucket() as object), Id: ['cd3a324d2343d942772346-34234234423404-4c2242343242349d1642ee'] }, message: SYNTAX }],
  ['an Effect that is neither Allow nor Deny', { document: listBucket({ Effect: 'invalid' }), message: SYNTAX }],
  ['no Effect', { document: v({ Action: 's3:ListBucket', Resource: bucket }), message: SYNTAX }],
  ['Effect "denY" (legacy parser is case-sensitive)', { document: listBucket({ Effect: 'denY' }), message: LEGACY }],
  ['an action without a vendor', { document: listBucket({ Action: 'invalid' }), message: VENDOR }],
  ['an empty NotAction', { document: v({ Effect: 'Allow', NotAction: '', Resource: bucket }), message: VENDOR }],
  ['an action with a space in its vendor', { document: listBucket({ Action: 'a a:ListBucket' }), message: 'Vendor a a is not valid' }],
  ['an action with two colons', { document: listBucket({ Action: 's3:List:Bucket' }), message: 'Actions/Condition can contain only one colon.' }],
  ['a wildcard service prefix', { document: listBucket({ Action: '*:Get*' }), message: 'Action vendors (e.g., aws, ec2, etc.) must not contain wildcards.' }],
  ['a resource that is not an ARN', { document: listBucket({ Resource: 'invalid resource' }), message: 'Resource invalid resource must be in ARN format or "*".' }],
  ['an empty resource', { document: listBucket({ Resource: '' }), message: 'Resource  must be in ARN format or "*".' }],
  ['a resource error is reported before the action error', { document: listBucket({ Action: 's:3:ListBucket', Resource: 'sdfsadf' }), message: 'Resource sdfsadf must be in ARN format or "*".' }],
  ['an unknown partition (two parts)', { document: v({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:bsdfdsafsad' }), message: 'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".' }],
  ['an unknown partition (three parts)', { document: v({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:cadfsdf' }), message: 'Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*".' }],
  ['an unknown partition (eight parts)', { document: v({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:c:d:e:f:g:h' }), message: 'Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".' }],
  ['a resource missing its arn: prefix', { document: listBucket({ Resource: 'aws:s3:::example_bucket' }), message: 'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".' }],
  ['two resources in an unknown partition', { document: listBucket({ Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'] }), message: 'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".' }],
  ['a resource without a vendor', { document: listBucket({ Resource: 'arn:aws' }), message: 'Resource vendor must be fully qualified and cannot contain regexes.' }],
  ['an IAM resource with a region', { document: listBucket({ Resource: 'arn:aws:iam:us-east-1::example_bucket' }), message: 'IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.' }],
  ['an S3 resource with a region', { document: listBucket({ Resource: 'arn:aws:s3:us-east-1::example_bucket' }), message: 'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.' }],
  ['an IAM resource with an unknown path', { document: listBucket({ Resource: 'arn:aws:iam:::example_bucket' }), message: IAM_PATH }],
  ['a five-part resource (legacy parser)', { document: listBucket({ Resource: 'arn:aws:s3::example_bucket' }), message: LEGACY }],
  ['a five-part resource without actions (legacy first)', { document: v({ Effect: 'Allow', Resource: 'arn:aws:s3::example_bucket' }), message: LEGACY }],
  ['an empty service part (legacy parser)', { document: v({ Effect: 'Allow', NotAction: 's3:ListBucket', Resource: 'arn:aws::::example_bucket' }), message: LEGACY }],
  ['a four-part resource (legacy parser)', { document: listBucket({ Resource: 'arn:aws::fdsasf' }), message: LEGACY }],
  ['a five-part NotResource (legacy parser)', { document: v({ Effect: 'Allow', Action: 's3:ListBucket', NotResource: 'arn:aws:s3::example_bucket' }), message: LEGACY }],
  ['no Resource', { document: v({ Effect: 'Allow', Action: 's3:ListBucket' }), message: RESOURCES }],
  ['an empty Resource list', { document: v({ Effect: 'Allow', Action: 's3:ListBucket', Resource: [] }), message: RESOURCES }],
  ['a bad action and no Resource: the action is reported', { document: v({ Effect: 'Allow', Action: 'invalid' }), message: VENDOR }],
  ['no Action', { document: v({ Effect: 'Allow', Resource: bucket }), message: ACTIONS }],
  ['only an Effect', { document: v({ Effect: 'Allow' }), message: ACTIONS }],
  ['an empty Action list', { document: v({ Effect: 'Allow', Action: [], Resource: bucket }), message: ACTIONS }],
  ['a statement without actions before a good one', { document: v([{ Effect: 'Deny' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }]), message: ACTIONS }],
  ['Resource as an object', { document: listBucket({ Resource: { a: bucket } }), message: SYNTAX }],
  ['Resource list with an object', { document: listBucket({ Effect: 'Deny', Resource: ['adfdf', {}] }), message: SYNTAX }],
  ['Resource and NotResource together', { document: v({ Effect: 'Allow', NotAction: 's3:ListBucket', Resource: bucket, NotResource: [] }), message: SYNTAX }],
  ['Action and NotAction together', { document: v({ Effect: 'Allow', NotAction: 's3:ListBucket', Action: 'iam:dsf', Resource: bucket }), message: SYNTAX }],
  ['Action as a nested list', { document: listBucket({ Effect: 'Deny', Action: [[]] }), message: SYNTAX }],
  ['Action as an object', { document: listBucket({ Action: {} }), message: SYNTAX }],
  ['Condition as a list', { document: listBucket({ Condition: [] }), message: SYNTAX }],
  ['Condition as a string', { document: listBucket({ Condition: 'a' }), message: SYNTAX }],
  ['an unknown condition operator with a key', { document: listBucket({ Condition: { x: { a: '1' } } }), message: SYNTAX }],
  ['an operator block that is a string', { document: listBucket({ Condition: { DateGreaterThan: 'b' } }), message: SYNTAX }],
  ['a condition value that is an object', { document: listBucket({ Condition: { DateGreaterThan: { a: {} } } }), message: SYNTAX }],
  ['a doubled set-operator colon', { document: listBucket({ Condition: { 'ForAnyValue::StringEqualsIfExists': { a: 'asf' } } }), message: SYNTAX }],
  ['a Sid that is an object', { document: listBucket({ Sid: {} }), message: SYNTAX }],
  ['a date that is not a date', { document: listBucket({ Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), message: LEGACY }],
  ['a date with month 13', { document: listBucket({ Condition: { DateLessThanEquals: { a: '234-13' } } }), message: LEGACY }],
  ['a date with a one-digit zone offset', { document: listBucket({ Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+1' } } }), message: LEGACY }],
  ['a date with ten fraction digits', { document: listBucket({ Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.1999999999+10:59' } } }), message: LEGACY }],
  ['an epoch beyond 2^63-1', { document: listBucket({ Condition: { DateLessThan: { a: '9223372036854775808' } } }), message: LEGACY }],
  ['a bad date next to a bad partition: the legacy parser speaks first', { document: listBucket({ Resource: 'arn:error:s3:::example_bucket', Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), message: LEGACY }],
  ['duplicate Sids', { document: v([{ Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }, { Sid: 'sdf', Effect: 'Allow' }]), message: 'Statement IDs (SID) in a single policy must be unique.' }],
  ['duplicate Sids in a managed policy without Version', { kind: 'managed', document: { Statement: [{ Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }, { Sid: 'sdf', Effect: 'Allow' }] }, message: VERSION }],
  ['"aLLow" with duplicate Sids', { document: v([{ Sid: 'sdf', Effect: 'aLLow', Action: 's3:ListBucket', Resource: bucket }, { Sid: 'sdf', Effect: 'Allow' }]), message: LEGACY }],
  ['a Sid with a space', { document: listBucket({ Sid: 'Allow list' }), message: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*' }],
  // ---- identity policies must not name principals (conformance 10-validation)
  [
    'an inline permissions policy with a Principal',
    {
      document: v([{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'elasticloadbalancing:DescribeListeners', Resource: '*' }]),
      message: 'Policy document should not specify a principal.',
    },
  ],
  ['a session policy with a Principal', { kind: 'session', document: v([{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }]), message: 'Policy document should not specify a principal.' }],
  // ---- trust policies
  ['a trust policy with a Resource', { kind: 'trust', document: v([{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }]), message: 'Has prohibited field Resource' }],
  ['a trust policy with a NotPrincipal', { kind: 'trust', document: v([{ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }]), message: 'Has prohibited field NotPrincipal' }],
  ['a trust policy with a non-STS action', { kind: 'trust', document: v([{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 's3:GetObject' }]), message: 'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity' }],
  ['a trust policy statement without Principal', { kind: 'trust', document: v([{ Effect: 'Allow', Action: 'sts:AssumeRole' }]), message: 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!' }],
  ['a 16-digit account in a trust policy (MISSION §4)', { kind: 'trust', document: v([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1111222233334444:role/my-ECS-task-role' }, Action: 'sts:AssumeRole' }]), message: 'Invalid principal in policy: "AWS":"arn:aws:iam::1111222233334444:role/my-ECS-task-role"' }],
  ['a 16-digit bare account id', { kind: 'trust', document: v([{ Effect: 'Allow', Principal: { AWS: '1111222233334444' }, Action: 'sts:AssumeRole' }]), message: 'Invalid principal in policy: "AWS":"1111222233334444"' }],
  ['a wildcard in a session ARN', { kind: 'trust', document: v([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:sts::123456789012:assumed-role/204503-PowerUser/*' }, Action: 'sts:AssumeRole' }]), message: 'Invalid principal in policy: "AWS":"arn:aws:sts::123456789012:assumed-role/204503-PowerUser/*"' }],
  ['a wildcard account in a root ARN', { kind: 'trust', document: v([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::*:root' }, Action: 'sts:AssumeRole' }]), message: 'Invalid principal in policy: "AWS":"arn:aws:iam::*:root"' }],
  ['a misspelt service principal', { kind: 'trust', document: v([{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.con' }, Action: 'sts:AssumeRole' }]), message: 'Invalid principal in policy: "SERVICE":"ecs-tasks.amazonaws.con"' }],
  [
    'a role that does not exist',
    {
      kind: 'trust',
      document: v([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/x' }, Action: 'sts:AssumeRole' }]),
      options: { resolvePrincipal: () => undefined },
      message: 'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:role/x"',
    },
  ],
  [
    'a resource policy naming a user that does not exist',
    {
      kind: 'resource',
      document: v([{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/ok', 'arn:aws:iam::111122223333:user/cloud_user'] }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }]),
      options: { resolvePrincipal: (arn) => (arn.endsWith('role/ok') ? 'AROAEXAMPLEEXAMPLE1' : undefined) },
      message: 'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:user/cloud_user"',
    },
  ],
]

for (const [name, messageCase] of cases) {
  test(`rejects ${name}: ${messageCase.message}`, () => {
    const text = typeof messageCase.document === 'string' ? messageCase.document : JSON.stringify(messageCase.document)
    assert.deepEqual(validatePolicyDocument(text, messageCase.kind ?? 'identity', messageCase.options), { ok: false, message: messageCase.message })
  })
}

const accepted: Array<[string, PolicyKind, unknown]> = [
  ['an action with spaces after the vendor', 'identity', listBucket({ Action: 'iam: asdf safdsf af ' })],
  ['a resource list with "*"', 'identity', listBucket({ Resource: [bucket, '*'] })],
  ['Action "*"', 'identity', listBucket({ Action: '*' })],
  ['an IAM user resource', 'identity', listBucket({ Resource: 'arn:aws:iam:::user/example_bucket' })],
  ['an unknown service in a resource', 'identity', listBucket({ Resource: 'arn:aws:s33:::example_bucket' })],
  ['a three-part resource', 'identity', listBucket({ Resource: 'arn:aws:fdsasf' })],
  ['a regional resource of another service', 'identity', listBucket({ Resource: 'arn:aws:cloudwatch:us-east-1::example_bucket' })],
  ['an empty Condition', 'identity', listBucket({ Condition: {} })],
  ['an unknown operator with an empty block', 'identity', listBucket({ Condition: { x: {}, y: {} } })],
  ['a condition key with an empty value list', 'identity', listBucket({ Condition: { DateGreaterThan: { a: [] } } })],
  ['ForAllValues with a single string', 'identity', listBucket({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'Department' } } })],
  ['ForAnyValue with IfExists', 'identity', listBucket({ Condition: { 'ForAnyValue:StringEqualsIfExists': { a: 'asf' } } })],
  ['a date with only a day and T', 'identity', listBucket({ Condition: { DateGreaterThan: { a: '01T' } } })],
  ['a date with a fraction and +00:00', 'identity', listBucket({ Condition: { DateLessThanEquals: { a: '2016-12-13T21:20:37.593194+00:00' } } })],
  ['a date with a two-digit zone', 'identity', listBucket({ Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+23' } } })],
  ['a very old negative year', 'identity', listBucket({ Condition: { DateLessThan: { a: '-292275054' } } })],
  ['JSON booleans and numbers as condition values', 'identity', listBucket({ Condition: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:max-keys': 10 } } })],
  ['vendors with - and .', 'identity', v([{ Effect: 'Allow', Action: ['s3-s:ListBucket', 's3.s:ListBucket'], Resource: bucket }])],
  ['NotAction with NotResource "*"', 'identity', v({ Effect: 'Allow', NotAction: 's3:ListBucket', NotResource: '*' })],
  ['one Sid and one statement without', 'identity', v([{ Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }])],
  ['an inline policy with Version 2008-10-17', 'identity', { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }] }],
  ['an inline policy without Version', 'identity', { Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }] }],
  ['a 2008-10-17 ECS trust policy', 'trust', { Version: '2008-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }],
  [
    'the ECS infrastructure role trust policy (MISSION §3)',
    'trust',
    v([{ Sid: 'AllowAccessToECSForInfrastructureManagement', Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
  ],
  [
    'the ECS task role trust policy with confused-deputy conditions',
    'trust',
    v([
      {
        Effect: 'Allow',
        Principal: { Service: ['ecs-tasks.amazonaws.com'] },
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:111122223333:*' }, StringEquals: { 'aws:SourceAccount': '111122223333' } },
      },
    ]),
  ],
  ['a trust policy allowing sts:TagSession too', 'trust', v([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }])],
  ['a key policy with Sids containing spaces', 'resource', v([{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }])],
  ['a resource policy for everyone', 'resource', v([{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }])],
  [
    'the IAM self-management policy with BoolIfExists',
    'managed',
    v([
      { Sid: 'AllowManageOwnPasswords', Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetUser'], Resource: 'arn:aws:iam::*:user/${aws:username}' },
      { Sid: 'AllowManageOwnVirtualMFADevice', Effect: 'Allow', Action: ['iam:CreateVirtualMFADevice'], Resource: 'arn:aws:iam::*:mfa/${aws:username}' },
      { Sid: 'DenyAllExceptListedIfNoMFA', Effect: 'Deny', NotAction: ['iam:GetUser', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
    ]),
  ],
]

for (const [name, kind, document] of accepted) {
  test(`accepts ${name}`, () => {
    assert.deepEqual(validatePolicyDocument(JSON.stringify(document), kind), { ok: true })
  })
}

test('a trust policy naming an existing role returns its unique id to store with the policy', () => {
  const seen: string[] = []
  const result = validatePolicyDocument(
    JSON.stringify(v([{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/app', '111122223333', 'arn:aws:sts::111122223333:assumed-role/app/s'] }, Action: 'sts:AssumeRole' }])),
    'trust',
    { resolvePrincipal: (arn) => (seen.push(arn), 'AROAEXAMPLEAPPROLE01') },
  )
  assert.deepEqual(result, { ok: true, principalUniqueIds: { 'arn:aws:iam::111122223333:role/app': 'AROAEXAMPLEAPPROLE01' } })
  // Only IAM user/role ARNs are resolved: not account ids, not session ARNs.
  assert.deepEqual(seen, ['arn:aws:iam::111122223333:role/app'])
})

test('policySize counts characters without whitespace (AmazonECSTaskExecutionRolePolicy is 237)', () => {
  // research/iam.md §5: "237 chars without whitespace"; IAM quotas: "IAM doesn't count white space".
  const document = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: '*',
      },
    ],
  }
  assert.equal(policySize(JSON.stringify(document, null, 4)), 237)
  assert.equal(policySize(JSON.stringify(document)), 237)
})
