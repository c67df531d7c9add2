//! Decision table for AWS's evaluation logic: explicit deny, identity policies, the same-account resource
//! policy table, permissions boundaries, session policies, cross-account, trust and KMS key policies, root,
//! service principals and the SCP/RCP slots. Each case cites the IAM User Guide passage it encodes.
import { test } from 'node:test'
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  allow,
  check,
  deny,
  grant,
  policy,
  principals,
  request,
  type DecisionCase,
} from './engine-test-kit.js'

const BUCKET = 'arn:aws:s3:::carlossalazar'
const EVAL = 'IAM User Guide, "Policy evaluation logic"'
const TABLE = `${EVAL}, table "Resource-based policies and implicit denies in other policy types (same account)"`
const CROSS = 'IAM User Guide, "Cross-account policy evaluation logic"'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/examplerole`
const SESSION = principals.session('examplerole', 'examplerolesessionname')

// The Carlos example of "Policy evaluation logic: Example identity-based and resource-based policy evaluation".
const carlosIdentity = policy('identity', {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowS3ListRead',
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:GetAccountPublicAccessBlock', 's3:ListAccessPoints', 's3:ListAllMyBuckets'],
      Resource: 'arn:aws:s3:::*',
    },
    { Sid: 'AllowS3Self', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::carlossalazar/*', 'arn:aws:s3:::carlossalazar'] },
    { Sid: 'DenyS3Logs', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::*log*' },
  ],
})
const carlosBucketPolicy = policy(
  'resource',
  grant({ AWS: `arn:aws:iam::${ACCOUNT}:user/carlossalazar` }, 's3:*', { Resource: [`${BUCKET}/*`, BUCKET] }),
)
const carlos = principals.user('carlossalazar')

// "The difference between explicit and implicit denies": AllowGetList + DenyReports.
const getListDenyReports = policy('identity', {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllowGetList', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
    { Sid: 'DenyReports', Effect: 'Deny', Action: 'iam:*Report', Resource: '*' },
  ],
})

const bucketObject = `${BUCKET}/report.csv`
const nothing = policy('identity', allow('ec2:DescribeInstances'))
const boundaryForEc2 = policy('boundary', allow('ec2:*'))
const sessionForEc2 = policy('session', allow('ec2:*'))
const readBucket = policy('identity', allow('s3:GetObject', `${BUCKET}/*`))
const bucketPolicyFor = (principal: unknown) => policy('resource', grant(principal, 's3:GetObject', { Resource: `${BUCKET}/*` }))

const cases: DecisionCase[] = [
  // ---- defaults and explicit deny
  {
    name: 'a user without policies is implicitly denied',
    source: `${EVAL}: "By default, all requests are implicitly denied with the exception of the AWS account root user"`,
    request: request(principals.user('JohnDoe'), 'codecommit:ListRepositories'),
    policies: { identity: [] },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the codecommit:ListRepositories action',
  },
  {
    name: 'Carlos saving to carlossalazar-logs hits DenyS3Logs',
    source: `${EVAL}, example: "the identity-based policy explicitly denies Carlos access to any S3 buckets used for logging"`,
    request: request(carlos, 's3:PutObject', 'arn:aws:s3:::carlossalazar-logs/file.txt'),
    policies: { identity: [carlosIdentity], resource: carlosBucketPolicy },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in an identity-based policy',
  },
  {
    name: 'Carlos saving to his own bucket is allowed by both policies',
    source: `${EVAL}, example: "Both the identity-based policy and the resource-based policy allow the request"`,
    request: request(carlos, 's3:PutObject', `${BUCKET}/file.txt`),
    policies: { identity: [carlosIdentity], resource: carlosBucketPolicy },
    expected: 'allowed',
  },
  {
    name: 'the bucket policy alone allows Carlos in the same account',
    source: `${EVAL}: "If one of the policy types allows the request and the other doesn't, the request is still allowed"`,
    request: request(carlos, 's3:PutObject', `${BUCKET}/file.txt`),
    policies: { identity: [], resource: carlosBucketPolicy },
    expected: 'allowed',
  },
  {
    name: 'AllowGetList allows iam:GetUser',
    source: `${EVAL}, "explicit and implicit denies" example, statement AllowGetList`,
    request: request(principals.user('JohnDoe'), 'iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/JohnDoe`),
    policies: { identity: [getListDenyReports] },
    expected: 'allowed',
  },
  {
    name: 'iam:CreatePolicy is implicitly denied next to AllowGetList',
    source: `${EVAL}, same example: "All other actions in IAM, such as iam:CreatePolicy are implicitly denied"`,
    request: request(principals.user('JohnDoe'), 'iam:CreatePolicy', `arn:aws:iam::${ACCOUNT}:policy/x`),
    policies: { identity: [getListDenyReports] },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the iam:CreatePolicy action',
  },
  {
    name: 'DenyReports beats a second policy allowing iam:GenerateCredentialReport',
    source: `${EVAL}, same example: "report-related requests are still denied because of this explicit deny"`,
    request: request(principals.user('JohnDoe'), 'iam:GenerateCredentialReport'),
    policies: { identity: [getListDenyReports, policy('identity', allow('iam:GenerateCredentialReport'))] },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in an identity-based policy',
  },
  // ---- root
  {
    name: 'the root user has full access in its own account',
    source: `${EVAL}: "with the exception of the AWS account root user, which has full access"`,
    request: request(principals.root(), 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/x`),
    policies: { identity: [] },
    expected: 'allowed',
  },
  {
    name: 'an explicit deny in a resource-based policy still stops root',
    source: `${EVAL}: "An explicit deny in any policy overrides any allows"`,
    request: request(principals.root(), 's3:DeleteBucket', BUCKET),
    policies: { identity: [], resource: policy('resource', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:DeleteBucket', Resource: BUCKET }] }) },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in a resource-based policy',
  },
  {
    name: 'root cannot assume a role whose trust policy does not name its account',
    source: `${EVAL}: role trust policies "must explicitly allow access for principals"`,
    request: request(principals.root(), 'sts:AssumeRole', ROLE),
    policies: { identity: [], resource: policy('trust', grant({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'implicitDeny',
    reason: 'because no role trust policy allows the sts:AssumeRole action',
  },
  {
    name: 'root assumes a role whose trust policy names its account',
    source: `${EVAL}: role trust policies "must explicitly allow access for principals"`,
    request: request(principals.root(), 'sts:AssumeRole', ROLE),
    policies: { identity: [], resource: policy('trust', grant({ AWS: ACCOUNT }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'allowed',
  },
  // ---- the same-account resource-based policy table
  {
    name: 'a grant to the role session ARN ignores identity, boundary and session implicit denies',
    source: `${TABLE}: "IAM role session ... not limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy"`,
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: {
      identity: [nothing],
      boundary: boundaryForEc2,
      session: [sessionForEc2],
      resource: bucketPolicyFor({ AWS: SESSION.arn }),
    },
    expected: 'allowed',
  },
  {
    name: 'a grant to the role ARN does not need the identity policy',
    source: `${TABLE}: "IAM role – Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy"`,
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [nothing], resource: bucketPolicyFor({ AWS: ROLE }) },
    expected: 'allowed',
  },
  {
    name: 'a grant to the role ARN is limited by the permissions boundary',
    source: `${TABLE}: IAM role row`,
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [nothing], boundary: boundaryForEc2, resource: bucketPolicyFor({ AWS: ROLE }) },
    expected: 'implicitDeny',
    reason: 'because no permissions boundary allows the s3:GetObject action',
  },
  {
    name: 'a grant to the role ARN is limited by the session policy',
    source: `${TABLE}: IAM role row`,
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [nothing], session: [sessionForEc2], resource: bucketPolicyFor({ AWS: ROLE }) },
    expected: 'implicitDeny',
    reason: 'because no session policy allows the s3:GetObject action',
  },
  {
    name: 'a grant to the IAM user ARN ignores the permissions boundary',
    source: `${TABLE}: "IAM user – ... not limited by an implicit deny in an identity-based policy or permissions boundary"`,
    request: request(principals.user('exampleuser'), 's3:GetObject', bucketObject),
    policies: { identity: [], boundary: boundaryForEc2, resource: bucketPolicyFor({ AWS: `arn:aws:iam::${ACCOUNT}:user/exampleuser` }) },
    expected: 'allowed',
  },
  {
    name: 'a grant to the federated user session ARN needs no session policy',
    source: `${TABLE}: "IAM federated user sessions ... grant permissions directly to the session"`,
    request: request(principals.federatedUser('exampleuser'), 's3:GetObject', bucketObject),
    policies: { identity: [], resource: bucketPolicyFor({ AWS: `arn:aws:sts::${ACCOUNT}:federated-user/exampleuser` }) },
    expected: 'allowed',
  },
  {
    name: 'a federated user session without a session policy gets nothing from identity policies',
    source: `${EVAL}, step "Session policies": "If there is no session policy, the code checks whether the principal is a role session ... Otherwise, the request is implicitly denied"`,
    request: request(principals.federatedUser('exampleuser'), 's3:GetObject', bucketObject),
    policies: { identity: [readBucket] },
    expected: 'implicitDeny',
    reason: 'because no session policy allows the s3:GetObject action',
  },
  {
    name: 'a grant to the account only delegates: the identity policy must allow',
    source: 'research/iam.md §1.3, account row ("delegates to identity policies")',
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [nothing], resource: bucketPolicyFor({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the s3:GetObject action',
  },
  {
    name: 'a grant to the account plus an identity allow is enough',
    source: 'research/iam.md §1.3, account row',
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [readBucket], resource: bucketPolicyFor({ AWS: ACCOUNT }) },
    expected: 'allowed',
  },
  {
    name: 'a grant to "*" grants directly despite boundary and session policy',
    source: 'IAM User Guide, "AWS JSON policy elements: Principal": "permissions boundaries or session policies, do not limit permissions granted using the aws:PrincipalArn condition key with a wildcard(*) in the Principal element"',
    request: request(SESSION, 's3:GetObject', bucketObject, { 'aws:PrincipalArn': ROLE }),
    policies: {
      identity: [],
      boundary: boundaryForEc2,
      session: [sessionForEc2],
      resource: bucketPolicyFor('*'),
    },
    expected: 'allowed',
  },
  // ---- identity policies, boundaries, session policies
  {
    name: 'identity allow within the boundary',
    source: `${EVAL}, "Evaluating identity-based policies with permissions boundaries": the intersection`,
    request: request(SESSION, 'ec2:RunInstances'),
    policies: { identity: [policy('identity', allow('ec2:*'))], boundary: boundaryForEc2 },
    expected: 'allowed',
  },
  {
    name: 'identity allow outside the boundary',
    source: `${EVAL}, step "IAM permissions boundaries"`,
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [readBucket], boundary: boundaryForEc2 },
    expected: 'implicitDeny',
    reason: 'because no permissions boundary allows the s3:GetObject action',
  },
  {
    name: 'a boundary never grants on its own',
    source: 'IAM User Guide, "Permissions boundaries for IAM entities": boundaries do not grant permissions',
    request: request(SESSION, 'ec2:RunInstances'),
    policies: { identity: [], boundary: boundaryForEc2 },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the ec2:RunInstances action',
  },
  {
    name: 'an explicit deny in the boundary',
    source: 'IAM User Guide, "Troubleshoot access denied error messages": "with an explicit deny in a permissions boundary"',
    request: request(SESSION, 'ec2:RunInstances'),
    policies: { identity: [policy('identity', allow('ec2:*'))], boundary: policy('boundary', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] }) },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in a permissions boundary',
  },
  {
    name: 'a role session without session policies keeps its role permissions',
    source: `${EVAL}, step "Session policies": "If the principal is a role session, then the request is Allowed"`,
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [readBucket], session: [] },
    expected: 'allowed',
  },
  {
    name: 'a session policy narrows the role',
    source: `${EVAL}, "Session policies": "the resulting session's permissions are the intersection"`,
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [readBucket], session: [sessionForEc2] },
    expected: 'implicitDeny',
    reason: 'because no session policy allows the s3:GetObject action',
  },
  {
    name: 'inline Policy and PolicyArns: one session policy allowing is enough',
    source: 'IAM User Guide, "Session policies": a single inline session policy (Policy) and up to 10 managed session policies (PolicyArns)',
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [readBucket], session: [sessionForEc2, policy('session', allow('s3:GetObject', `${BUCKET}/*`))] },
    expected: 'allowed',
  },
  {
    name: 'a session policy never adds to the role',
    source: `${EVAL}, "Session policies": intersection with the identity-based policy`,
    request: request(SESSION, 'ec2:RunInstances'),
    policies: { identity: [readBucket], session: [sessionForEc2] },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the ec2:RunInstances action',
  },
  {
    name: 'an explicit deny in a session policy',
    source: 'IAM User Guide, "Troubleshoot access denied error messages", session policies example',
    request: request(SESSION, 's3:GetObject', bucketObject),
    policies: { identity: [readBucket], session: [policy('session', deny('s3:*'))] },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in a session policy',
  },
  // ---- cross-account
  {
    name: 'cross-account: both sides allow',
    source: `${CROSS}: "The request is allowed only if both evaluations return a decision of Allow"`,
    request: request(principals.user('carlossalazar', OTHER_ACCOUNT), 's3:PutObject', 'arn:aws:s3:::Production/file', {}, ACCOUNT),
    policies: {
      identity: [policy('identity', allow('s3:PutObject', 'arn:aws:s3:::Production/*'))],
      resource: policy('resource', grant({ AWS: OTHER_ACCOUNT }, 's3:PutObject', { Resource: 'arn:aws:s3:::Production/*' })),
    },
    expected: 'allowed',
  },
  {
    name: 'cross-account: the resource policy names the user but the identity policy is missing',
    source: `${CROSS}: "the requester in the trusted AccountA must have an identity-based policy"`,
    request: request(principals.user('carlossalazar', OTHER_ACCOUNT), 's3:PutObject', 'arn:aws:s3:::Production/file', {}, ACCOUNT),
    policies: {
      identity: [],
      resource: policy('resource', grant({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:user/carlossalazar` }, 's3:PutObject', { Resource: 'arn:aws:s3:::Production/*' })),
    },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the s3:PutObject action',
  },
  {
    name: 'cross-account: the identity policy alone is not enough',
    source: `${CROSS}: "the resource-based policy in AccountB must allow the requester in AccountA"`,
    request: request(principals.user('carlossalazar', OTHER_ACCOUNT), 's3:PutObject', 'arn:aws:s3:::Production/file', {}, ACCOUNT),
    policies: { identity: [policy('identity', allow('s3:PutObject', 'arn:aws:s3:::Production/*'))] },
    expected: 'implicitDeny',
    reason: 'because no resource-based policy allows the s3:PutObject action',
  },
  {
    name: 'cross-account: a boundary limits even a grant naming the session',
    source: 'research/iam.md §1.4: "Permissions boundaries always limit cross-account access"',
    request: request(principals.session('app', 's1', { account: OTHER_ACCOUNT }), 's3:GetObject', bucketObject, {}, ACCOUNT),
    policies: {
      identity: [readBucket],
      boundary: boundaryForEc2,
      resource: bucketPolicyFor({ AWS: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/app/s1` }),
    },
    expected: 'implicitDeny',
    reason: 'because no permissions boundary allows the s3:GetObject action',
  },
  {
    name: 'cross-account: an explicit deny in the resource policy',
    source: `${CROSS}: "An explicit deny in either of these policies overrides the allow"`,
    request: request(principals.user('carlossalazar', OTHER_ACCOUNT), 's3:PutObject', 'arn:aws:s3:::Production/file', {}, ACCOUNT),
    policies: {
      identity: [policy('identity', allow('s3:*'))],
      resource: policy('resource', {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT }, Action: 's3:*', Resource: 'arn:aws:s3:::Production/*' },
          { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::Production/*' },
        ],
      }),
    },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in a resource-based policy',
  },
  // ---- role trust policies (resourcePolicyMustGrant)
  {
    name: 'ecs-tasks.amazonaws.com assumes a task role that trusts it',
    source: 'ECS Developer Guide, "Task IAM role": trust policy with Principal Service ecs-tasks.amazonaws.com',
    request: request(principals.service('ecs-tasks.amazonaws.com'), 'sts:AssumeRole', ROLE),
    policies: { identity: [], resource: policy('trust', grant({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'allowed',
  },
  {
    name: 'ecs-tasks.amazonaws.com cannot assume an EC2 instance role',
    source: 'MISSION §1: the trust policy must allow ecs-tasks.amazonaws.com',
    request: request(principals.service('ecs-tasks.amazonaws.com'), 'sts:AssumeRole', ROLE),
    policies: { identity: [], resource: policy('trust', grant({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'implicitDeny',
    reason: 'because no role trust policy allows the sts:AssumeRole action',
  },
  {
    name: 'a service is not covered by Principal "*"',
    source: 'research/iam.md §1.5: "A service assumes roles only through an explicit trust grant"',
    request: request(principals.service('ecs.amazonaws.com'), 'sts:AssumeRole', ROLE),
    policies: { identity: [], resource: policy('trust', grant({ AWS: '*' }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'implicitDeny',
  },
  {
    name: 'same account: a trust policy naming the user needs no identity grant',
    source: 'research/iam.md §1.5: "if the trust policy names the caller\'s ARN ... allowed without any identity-policy grant"',
    request: request(principals.user('operator'), 'sts:AssumeRole', ROLE),
    policies: { identity: [], resource: policy('trust', grant({ AWS: `arn:aws:iam::${ACCOUNT}:user/operator` }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'allowed',
  },
  {
    name: 'same account: a trust policy naming the account needs the identity grant',
    source: 'research/iam.md §1.5: "if it names only the account ... the caller\'s identity policy must also allow sts:AssumeRole"',
    request: request(principals.user('operator'), 'sts:AssumeRole', ROLE),
    policies: { identity: [], resource: policy('trust', grant({ AWS: ACCOUNT }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the sts:AssumeRole action',
  },
  {
    name: 'an identity allow alone never satisfies a trust policy',
    source: `${EVAL}: trust policies "must explicitly allow access for principals"`,
    request: request(principals.user('operator'), 'sts:AssumeRole', ROLE),
    policies: { identity: [policy('identity', allow('sts:AssumeRole', ROLE))], resource: policy('trust', grant({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'implicitDeny',
    reason: 'because no role trust policy allows the sts:AssumeRole action',
  },
  {
    name: 'a role cannot assume itself unless its trust policy names it',
    source: 'research/iam.md §1.5, self-assumption since 2022-09-21',
    request: request(SESSION, 'sts:AssumeRole', ROLE),
    policies: { identity: [policy('identity', allow('sts:AssumeRole', ROLE))], resource: policy('trust', grant({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole')), resourcePolicyMustGrant: true },
    expected: 'implicitDeny',
    reason: 'because no role trust policy allows the sts:AssumeRole action',
  },
  {
    name: 'cross-account task role assumes destination-account-role (both sides)',
    source: 'MISSION §4 / ECS Developer Guide cross-account example',
    request: request(principals.session('my-ECS-task-role', 'task1', { account: OTHER_ACCOUNT }), 'sts:AssumeRole', ROLE, {}, ACCOUNT),
    policies: {
      identity: [policy('identity', allow('sts:AssumeRole', ROLE))],
      resource: policy('trust', grant({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/my-ECS-task-role` }, 'sts:AssumeRole')),
      resourcePolicyMustGrant: true,
    },
    expected: 'allowed',
  },
  {
    name: 'cross-account task role without the identity policy',
    source: 'MISSION §4: "Both sides are required"',
    request: request(principals.session('my-ECS-task-role', 'task1', { account: OTHER_ACCOUNT }), 'sts:AssumeRole', ROLE, {}, ACCOUNT),
    policies: {
      identity: [],
      resource: policy('trust', grant({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/my-ECS-task-role` }, 'sts:AssumeRole')),
      resourcePolicyMustGrant: true,
    },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the sts:AssumeRole action',
  },
  {
    name: 'an explicit deny in a trust policy',
    source: 'IAM User Guide, "Troubleshoot access denied error messages": "with an explicit deny in the role trust policy"',
    request: request(principals.user('operator'), 'sts:AssumeRole', ROLE, { 'aws:SecureTransport': 'false' }),
    policies: {
      identity: [],
      resource: policy('trust', {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' },
          { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      }),
      resourcePolicyMustGrant: true,
    },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in the role trust policy',
  },
  {
    name: 'a trust policy written for a role that was deleted and recreated no longer matches',
    source: 'IAM User Guide, "AWS JSON policy elements: Principal": "if you delete the role, then you break the relationship. The policy no longer applies, even if you recreate the role"',
    request: request(principals.session('app', 's1', { roleId: 'AROANEWNEWNEWNEWNEW12' }), 'sts:AssumeRole', ROLE),
    policies: {
      identity: [],
      resource: policy('trust', grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/app` }, 'sts:AssumeRole'), {
        principalUniqueIds: { [`arn:aws:iam::${ACCOUNT}:role/app`]: 'AROAOLDOLDOLDOLDOLD12' },
      }),
      resourcePolicyMustGrant: true,
    },
    expected: 'implicitDeny',
    reason: 'because no role trust policy allows the sts:AssumeRole action',
  },
  {
    name: 'the same trust policy matches while the role keeps its unique id',
    source: 'IAM User Guide, "AWS JSON policy elements: Principal", IAM roles',
    request: request(principals.session('app', 's1', { roleId: 'AROAOLDOLDOLDOLDOLD12' }), 'sts:AssumeRole', ROLE),
    policies: {
      identity: [],
      resource: policy('trust', grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/app` }, 'sts:AssumeRole'), {
        principalUniqueIds: { [`arn:aws:iam::${ACCOUNT}:role/app`]: 'AROAOLDOLDOLDOLDOLD12' },
      }),
      resourcePolicyMustGrant: true,
    },
    expected: 'allowed',
  },
  // ---- KMS key policies (resourcePolicyMustGrant)
  {
    name: 'a key policy giving the account access delegates to IAM policies',
    source: 'AWS KMS Developer Guide, "Default key policy": "Allows access to the AWS account and enables IAM policies"',
    request: request(SESSION, 'kms:Decrypt', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234`),
    policies: {
      identity: [policy('identity', allow('kms:Decrypt', `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`))],
      resource: policy('resource', grant({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, 'kms:*', { Resource: '*' })),
      resourcePolicyMustGrant: true,
    },
    expected: 'allowed',
  },
  {
    name: 'without the key policy granting, an IAM policy cannot allow kms:Decrypt',
    source: 'AWS KMS Developer Guide, "Key policies": "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key"',
    request: request(SESSION, 'kms:Decrypt', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234`),
    policies: {
      identity: [policy('identity', allow('kms:Decrypt'))],
      resource: policy('resource', grant({ AWS: `arn:aws:iam::${ACCOUNT}:role/KeyAdmin` }, 'kms:*', { Resource: '*' })),
      resourcePolicyMustGrant: true,
    },
    expected: 'implicitDeny',
    reason: 'because no resource-based policy allows the kms:Decrypt action',
  },
  // ---- anonymous callers
  {
    name: 'an anonymous caller is allowed only by a resource policy naming "*"',
    source: 'IAM User Guide, "AWS JSON policy elements: Principal", "All principals"',
    request: request(principals.anonymous(), 's3:GetObject', bucketObject),
    policies: { identity: [], resource: bucketPolicyFor('*') },
    expected: 'allowed',
  },
  {
    name: 'an anonymous caller without a resource policy',
    source: 'IAM User Guide, "AWS JSON policy elements: Principal", "All principals"',
    request: request(principals.anonymous(), 's3:GetObject', bucketObject),
    policies: { identity: [] },
    expected: 'implicitDeny',
  },
  // ---- iam:PassRole for ECS (identity policies with iam:PassedToService)
  {
    name: 'PassRole to ecs-tasks.amazonaws.com with the PassedToService condition',
    source: 'IAM User Guide, "Granting a user permissions to pass a role to an AWS service"; research/iam.md §2',
    request: request(principals.user('deployer'), 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }),
    policies: {
      identity: [policy('identity', allow('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`, { Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } }))],
    },
    expected: 'allowed',
  },
  {
    name: 'a PassRole grant for ecs.amazonaws.com does not pass task roles',
    source: 'conformance 03-passrole: "task roles are passed to ecs-tasks.amazonaws.com"',
    request: request(principals.user('deployer'), 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }),
    policies: {
      identity: [policy('identity', allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'ecs.amazonaws.com' } } }))],
    },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the iam:PassRole action',
  },
  // ---- SCP / RCP slots
  {
    name: 'an SCP without an allow denies, even root',
    source: `${EVAL}, step "Organizations SCPs": "The SCP maximum applies to principals in member accounts, including each AWS account root user"`,
    request: request(principals.root(), 'ec2:RunInstances'),
    policies: { identity: [], scps: [policy('managed', allow('s3:*'))] },
    expected: 'implicitDeny',
    reason: 'because no service control policy allows the ec2:RunInstances action',
  },
  {
    name: 'an explicit deny in an SCP',
    source: 'IAM User Guide, "Troubleshoot access denied error messages": "with an explicit deny in a service control policy"',
    request: request(principals.user('JohnDoe'), 'codecommit:ListRepositories'),
    policies: { identity: [policy('identity', allow('*'))], scps: [policy('managed', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'codecommit:*', Resource: '*' }] })] },
    expected: 'explicitDeny',
    reason: 'with an explicit deny in a service control policy',
  },
  {
    name: 'an RCP without an allow denies access to the resource',
    source: 'research/iam.md §1.2 step 2 (resource control policies)',
    request: request(principals.user('JohnDoe'), 's3:GetObject', bucketObject),
    policies: { identity: [policy('identity', allow('*'))], rcps: [policy('managed', allow('sqs:*'))] },
    expected: 'implicitDeny',
    reason: 'because no resource control policy allows the s3:GetObject action',
  },
]

for (const decisionCase of cases) {
  test(`${decisionCase.name} — ${decisionCase.source}`, () => {
    check(decisionCase)
  })
}
