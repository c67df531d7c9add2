//! Decision table for the policy elements: Action/NotAction (case-insensitive globs), Resource/NotResource
//! (per-segment ARN globs), Principal/NotPrincipal in all their forms. Each case cites its IAM User Guide page.
import { test } from 'node:test'
import { ACCOUNT, OTHER_ACCOUNT, allow, check, deny, grant, policy, principals, request, type DecisionCase } from './engine-test-kit.js'

const ACTION = 'IAM User Guide, "IAM JSON policy elements: Action"'
const NOT_ACTION = 'IAM User Guide, "IAM JSON policy elements: NotAction"'
const RESOURCE = 'IAM User Guide, "IAM JSON policy elements: Resource"'
const NOT_RESOURCE = 'IAM User Guide, "IAM JSON policy elements: NotResource"'
const PRINCIPAL = 'IAM User Guide, "AWS JSON policy elements: Principal"'
const NOT_PRINCIPAL = 'IAM User Guide, "AWS JSON policy elements: NotPrincipal"'

const alice = principals.user('Alice')
const bucketObject = 'arn:aws:s3:::amzn-s3-demo-bucket/photo.jpg'
const only = (action: string | string[], resource: string | string[] = '*') => ({ identity: [policy('identity', allow(action, resource))] })

const actionCases: DecisionCase[] = [
  {
    name: 'action names are case-insensitive',
    source: `${ACTION}: "The prefix and the action name are case insensitive. For example, iam:ListAccessKeys is the same as IAM:listaccesskeys"`,
    request: request(alice, 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/r`),
    policies: only('IAM:passrole'),
    expected: 'allowed',
  },
  {
    name: 'iam:*AccessKey* covers CreateAccessKey',
    source: `${ACTION}: "\\"Action\\": \\"iam:*AccessKey*\\" ... including CreateAccessKey, DeleteAccessKey, ListAccessKeys, and UpdateAccessKey"`,
    request: request(alice, 'iam:CreateAccessKey', `arn:aws:iam::${ACCOUNT}:user/Alice`),
    policies: only('iam:*AccessKey*'),
    expected: 'allowed',
  },
  {
    name: 'iam:*AccessKey* does not cover GetUser',
    source: `${ACTION}, same example`,
    request: request(alice, 'iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/Alice`),
    policies: only('iam:*AccessKey*'),
    expected: 'implicitDeny',
  },
  {
    name: '? matches exactly one character',
    source: `${ACTION}: wildcards * and ? in action names (research/iam.md §1.12)`,
    request: request(alice, 's3:GetObject', bucketObject),
    policies: only('s3:Get?bject'),
    expected: 'allowed',
  },
  {
    name: '? does not match an empty run',
    source: 'research/iam.md §1.12: "? one character"',
    request: request(alice, 's3:GetObject', bucketObject),
    policies: only('s3:GetObject?'),
    expected: 'implicitDeny',
  },
  {
    name: '"*" alone is every action of every service',
    source: `${ACTION}: "\\"Action\\": \\"*\\"" allows all actions`,
    request: request(alice, 'ecs:RunTask', `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/app:1`),
    policies: only('*'),
    expected: 'allowed',
  },
  {
    name: 'a service wildcard does not reach another service',
    source: `${ACTION}: "\\"Action\\": \\"sqs:*\\"" covers Amazon SQS actions`,
    request: request(alice, 'sns:Publish', `arn:aws:sns:us-east-1:${ACCOUNT}:topic`),
    policies: only('sqs:*'),
    expected: 'implicitDeny',
  },
  {
    name: 'Allow + NotAction iam:* allows other services',
    source: `${NOT_ACTION}: "The following example allows users to access every action in every AWS service except for IAM"`,
    request: request(alice, 's3:GetObject', bucketObject),
    policies: allowAllBut('iam:*'),
    expected: 'allowed',
  },
  {
    name: 'Allow + NotAction iam:* does not allow IAM',
    source: `${NOT_ACTION}, same example`,
    request: request(alice, 'iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/Bob`),
    policies: allowAllBut('iam:*'),
    expected: 'implicitDeny',
  },
  {
    name: 'Deny + NotAction denies everything not listed',
    source: `${NOT_ACTION}: "NotAction with Deny ... explicitly denies the actions not listed"`,
    request: request(alice, 's3:GetObject', bucketObject),
    policies: {
      identity: [
        policy('identity', allow('*')),
        policy('identity', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*' }] }),
      ],
    },
    expected: 'explicitDeny',
  },
]

const resourceCases: DecisionCase[] = [
  {
    name: 'in the resource part * crosses / (bucket/*/test/*)',
    source: `${RESOURCE}: "The asterisk (*) character can expand to replace everything within a segment, including characters like a forward slash (/)"`,
    request: request(alice, 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/x'),
    policies: only('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*'),
    expected: 'allowed',
  },
  {
    name: 'in the resource part * also crosses :',
    source: 'research/iam.md §1.12: "within the resource part * also crosses / and :"',
    request: request(alice, 'logs:PutLogEvents', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/ecs/team-a/web:log-stream:ecs/web/123`),
    policies: only('logs:PutLogEvents', `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/ecs/team-a/*`),
    expected: 'allowed',
  },
  {
    name: 'a * region segment matches any region but stays in its segment',
    source: `${RESOURCE}: "You can use wildcard characters (* and ?) within ARN segments (the parts separated by colons)"`,
    request: request(alice, 'dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/MyTable`),
    policies: only('dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/MyTable'),
    expected: 'allowed',
  },
  {
    name: 'the account segment is matched on its own',
    source: `${RESOURCE}: wildcards apply "within ARN segments (the parts separated by colons)"`,
    request: request(alice, 'dynamodb:GetItem', `arn:aws:dynamodb:eu-west-1:${OTHER_ACCOUNT}:table/MyTable`),
    policies: only('dynamodb:GetItem', `arn:aws:dynamodb:*:${ACCOUNT}:table/*`),
    expected: 'implicitDeny',
  },
  {
    name: 'resource ARNs are case-sensitive',
    source: 'research/iam.md §1.12: "Resources: case-sensitive glob on the ARN"',
    request: request(alice, 's3:GetObject', 'arn:aws:s3:::Amzn-S3-Demo-Bucket/photo.jpg'),
    policies: only('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/*'),
    expected: 'implicitDeny',
  },
  {
    name: 'an action without resource-level permissions needs Resource "*"',
    source: `${RESOURCE}: "Some services do not let you specify actions for individual resources ... you use the wildcard * in the Resource element"`,
    request: request(alice, 'ecr:GetAuthorizationToken', '*'),
    policies: only('ecr:GetAuthorizationToken', `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/*`),
    expected: 'implicitDeny',
  },
  {
    name: 'Resource "*" covers the resource-less ecr:GetAuthorizationToken',
    source: 'AmazonECSTaskExecutionRolePolicy (research/iam.md §5)',
    request: request(alice, 'ecr:GetAuthorizationToken', '*'),
    policies: only('ecr:GetAuthorizationToken', '*'),
    expected: 'allowed',
  },
  {
    name: 'Deny + NotResource denies everything but the Payroll objects',
    source: `${NOT_RESOURCE}: HRPayroll example, "explicitly denies access to all Amazon S3 resources other than the listed resources"`,
    request: request(alice, 's3:GetObject', 'arn:aws:s3:::HRBucket/Bonus/list.csv'),
    policies: {
      identity: [
        policy('identity', allow('s3:*')),
        policy('identity', {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'] }],
        }),
      ],
    },
    expected: 'explicitDeny',
  },
  {
    name: 'Deny + NotResource leaves the listed resources alone',
    source: `${NOT_RESOURCE}, same example`,
    request: request(alice, 's3:GetObject', 'arn:aws:s3:::HRBucket/Payroll/2024.csv'),
    policies: {
      identity: [
        policy('identity', allow('s3:*')),
        policy('identity', {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'] }],
        }),
      ],
    },
    expected: 'allowed',
  },
]

const SESSION = principals.session('cross-account-read-only-role', 'cross-account-audit-app', { account: OTHER_ACCOUNT })
const object = (principal: unknown) => ({
  identity: [policy('identity', allow('s3:GetObject'))],
  resource: policy('resource', grant(principal, 's3:GetObject', { Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' })),
})
const crossRead = (principal: ReturnType<typeof principals.user>) => request(principal, 's3:GetObject', bucketObject, {}, ACCOUNT)
const notPrincipal = (listed: string[]) => ({
  identity: [policy('identity', allow('s3:GetObject'))],
  resource: policy('resource', {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
      { Effect: 'Deny', NotPrincipal: { AWS: listed }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
    ],
  }),
})

const principalCases: DecisionCase[] = [
  {
    name: 'an account id names the account',
    source: `${PRINCIPAL}, "AWS account principals": "AWS": "123456789012"`,
    request: crossRead(principals.user('Bob', OTHER_ACCOUNT)),
    policies: object({ AWS: OTHER_ACCOUNT }),
    expected: 'allowed',
  },
  {
    name: 'the :root ARN is the same as the account id',
    source: `${PRINCIPAL}: "AWS": "arn:aws:iam::123456789012:root" and "AWS": "123456789012" are equivalent`,
    request: crossRead(principals.user('Bob', OTHER_ACCOUNT)),
    policies: object({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }),
    expected: 'allowed',
  },
  {
    name: 'another account is not named',
    source: `${PRINCIPAL}, "AWS account principals"`,
    request: request(principals.user('Bob', '999988887777'), 's3:GetObject', bucketObject, {}, ACCOUNT),
    policies: object({ AWS: OTHER_ACCOUNT }),
    expected: 'implicitDeny',
  },
  {
    name: 'a user ARN names that user',
    source: `${PRINCIPAL}, "IAM user principals"`,
    request: crossRead(principals.user('Bob', OTHER_ACCOUNT)),
    policies: object({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:user/Bob` }),
    expected: 'allowed',
  },
  {
    name: 'a user ARN does not name another user',
    source: `${PRINCIPAL}, "IAM user principals"`,
    request: crossRead(principals.user('Alice', OTHER_ACCOUNT)),
    policies: object({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:user/Bob` }),
    expected: 'implicitDeny',
  },
  {
    name: 'a role ARN names every session of the role',
    source: `${PRINCIPAL}, "IAM role principals": the role's sessions act as the role`,
    request: crossRead(SESSION),
    policies: object({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/cross-account-read-only-role` }),
    expected: 'allowed',
  },
  {
    name: 'a role ARN with a path must match the role path',
    source: `${PRINCIPAL}, "IAM role principals": role ARNs include the path`,
    request: crossRead(principals.session('app', 's', { account: OTHER_ACCOUNT, path: '/service/' })),
    policies: object({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/service/app` }),
    expected: 'allowed',
  },
  {
    name: 'a session ARN names that session only',
    source: `${PRINCIPAL}, "Role session principals"`,
    request: crossRead(SESSION),
    policies: object({ AWS: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/cross-account-read-only-role/cross-account-audit-app` }),
    expected: 'allowed',
  },
  {
    name: 'a session ARN does not name other sessions of the role',
    source: `${PRINCIPAL}, "Role session principals"`,
    request: crossRead(principals.session('cross-account-read-only-role', 'other-session', { account: OTHER_ACCOUNT })),
    policies: object({ AWS: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/cross-account-read-only-role/cross-account-audit-app` }),
    expected: 'implicitDeny',
  },
  {
    name: 'Principal "*" names every AWS principal',
    source: `${PRINCIPAL}, "All principals": "Principal": "*"`,
    request: crossRead(principals.user('Bob', OTHER_ACCOUNT)),
    policies: object('*'),
    expected: 'allowed',
  },
  {
    name: '{"AWS": "*"} is the same as "*"',
    source: `${PRINCIPAL}, "All principals": "Principal" : { "AWS" : "*" }`,
    request: crossRead(principals.user('Bob', OTHER_ACCOUNT)),
    policies: object({ AWS: '*' }),
    expected: 'allowed',
  },
  {
    name: 'a Federated principal names the identity provider of web-identity callers',
    source: `${PRINCIPAL}, "Federated user principals": "Federated": "cognito-identity.amazonaws.com"`,
    request: request({ type: 'FederatedUser', arn: 'web-identity-user', accountId: ACCOUNT, federatedProvider: 'cognito-identity.amazonaws.com' }, 'sts:AssumeRoleWithWebIdentity', `arn:aws:iam::${ACCOUNT}:role/web`),
    policies: { identity: [], resource: policy('trust', grant({ Federated: 'cognito-identity.amazonaws.com' }, 'sts:AssumeRoleWithWebIdentity')), resourcePolicyMustGrant: true },
    expected: 'allowed',
  },
  {
    name: 'Deny + NotPrincipal spares Bob when Bob and his account are listed',
    source: `${NOT_PRINCIPAL}: "all principals except the user named Bob in AWS account 444455556666 are explicitly denied" (Bob and arn:aws:iam::444455556666:root listed)`,
    request: crossRead(principals.user('Bob', OTHER_ACCOUNT)),
    policies: notPrincipal([`arn:aws:iam::${OTHER_ACCOUNT}:user/Bob`, `arn:aws:iam::${OTHER_ACCOUNT}:root`]),
    expected: 'allowed',
  },
  {
    name: 'Deny + NotPrincipal denies everyone else',
    source: `${NOT_PRINCIPAL}: "explicitly denied to all principals except for the ones specified"`,
    request: crossRead(principals.user('Alice', OTHER_ACCOUNT)),
    policies: notPrincipal([`arn:aws:iam::${OTHER_ACCOUNT}:user/Bob`, `arn:aws:iam::${OTHER_ACCOUNT}:root`]),
    expected: 'explicitDeny',
  },
  {
    name: 'Deny + NotPrincipal naming only Bob denies Bob too (his account is not listed)',
    source: `${NOT_PRINCIPAL}: "you must also specify the account ARN of the not-denied principal"`,
    request: crossRead(principals.user('Bob', OTHER_ACCOUNT)),
    policies: notPrincipal([`arn:aws:iam::${OTHER_ACCOUNT}:user/Bob`]),
    expected: 'explicitDeny',
  },
  {
    name: 'Deny + NotPrincipal spares a session when session, role and account are listed',
    source: `${NOT_PRINCIPAL}: example listing the assumed-role ARN, the role ARN and the account`,
    request: crossRead(SESSION),
    policies: notPrincipal([
      `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/cross-account-read-only-role/cross-account-audit-app`,
      `arn:aws:iam::${OTHER_ACCOUNT}:role/cross-account-read-only-role`,
      `arn:aws:iam::${OTHER_ACCOUNT}:root`,
    ]),
    expected: 'allowed',
  },
  {
    name: 'Deny + NotPrincipal without the session ARN denies the session',
    source: `${NOT_PRINCIPAL}: "AWS might validate the account first, then the role, and then the assumed-role user"`,
    request: crossRead(SESSION),
    policies: notPrincipal([`arn:aws:iam::${OTHER_ACCOUNT}:role/cross-account-read-only-role`, `arn:aws:iam::${OTHER_ACCOUNT}:root`]),
    expected: 'explicitDeny',
  },
  {
    name: 'Deny + NotPrincipal denies any principal with a permissions boundary',
    source: `${NOT_PRINCIPAL} (current guide): a Deny with NotPrincipal applies to every principal that has a permissions boundary; research/iam.md §1.3`,
    request: request(principals.user('Bob'), 's3:GetObject', bucketObject),
    policies: {
      identity: [policy('identity', allow('s3:GetObject'))],
      boundary: policy('boundary', allow('s3:*')),
      resource: policy('resource', {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/Bob`, ACCOUNT] }, Action: 's3:GetObject', Resource: '*' }],
      }),
    },
    expected: 'explicitDeny',
  },
]

function allowAllBut(notAction: string) {
  return { identity: [policy('identity', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: notAction, Resource: '*' }] })] }
}

for (const [group, cases] of [
  ['action', actionCases],
  ['resource', resourceCases],
  ['principal', principalCases],
] as const) {
  for (const decisionCase of cases) {
    test(`${group}: ${decisionCase.name} — ${decisionCase.source}`, () => {
      check(decisionCase)
    })
  }
}

test('deny helper keeps its meaning: a Deny on * blocks an allowed action (sanity for the kit)', () => {
  check({
    name: 'deny wins',
    source: 'IAM User Guide, "Policy evaluation logic"',
    request: request(alice, 's3:GetObject', bucketObject),
    policies: { identity: [policy('identity', allow('s3:*')), policy('identity', deny('*'))] },
    expected: 'explicitDeny',
  })
})
