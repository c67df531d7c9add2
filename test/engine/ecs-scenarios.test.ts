//! Decision table for the ECS-shaped requests taskrole makes on a task's behalf (MISSION §1–§4, ECS Developer
//! Guide "Task execution IAM role", "Task IAM role", "Amazon ECS infrastructure IAM role"), with AWS's real
//! managed policy AmazonECSTaskExecutionRolePolicy.
import { test } from 'node:test'
import { ACCOUNT, check, grant, policy, principals, request, type DecisionCase } from './engine-test-kit.js'

const REGION = 'us-east-1'
const TASK = '0f5c3b2a9d8e4f7a8b6c5d4e3f2a1b0c'
const exec = principals.session('ecsTaskExecutionRole', TASK)
const EXECUTION = 'ECS Developer Guide, "Amazon ECS task execution IAM role"'

// arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy, v1 (research/iam.md §5).
const executionRolePolicy = policy(
  'managed',
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          'ecr:GetAuthorizationToken',
          'ecr:BatchCheckLayerAvailability',
          'ecr:GetDownloadUrlForLayer',
          'ecr:BatchGetImage',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
        ],
        Resource: '*',
      },
    ],
  },
  { id: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' },
)

// The ECS guide's "Amazon ECR interface endpoints" example: ECR pulls only through a VPC endpoint.
const pullThroughEndpointOnly = (includeAuthorizationToken: boolean) =>
  policy('identity', {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [...(includeAuthorizationToken ? ['ecr:GetAuthorizationToken'] : []), 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } },
      },
      ...(includeAuthorizationToken ? [] : [{ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' }]),
    ],
  })

const secretsPolicy = policy('identity', {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['ssm:GetParameters', 'secretsmanager:GetSecretValue'], Resource: [`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/*`, `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/*`] },
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`, Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` } } },
  ],
})

const cases: DecisionCase[] = [
  {
    name: 'the managed execution role policy allows ecr:GetAuthorizationToken on "*"',
    source: `${EXECUTION}: AmazonECSTaskExecutionRolePolicy`,
    request: request(exec, 'ecr:GetAuthorizationToken', '*'),
    policies: { identity: [executionRolePolicy] },
    expected: 'allowed',
  },
  {
    name: 'the managed execution role policy allows logs:CreateLogStream',
    source: `${EXECUTION}: "send container logs to CloudWatch Logs"`,
    request: request(exec, 'logs:CreateLogStream', `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/app:log-stream:ecs/app/${TASK}`),
    policies: { identity: [executionRolePolicy] },
    expected: 'allowed',
  },
  {
    name: 'the managed execution role policy does not read secrets',
    source: `${EXECUTION}, "Required IAM permissions for Secrets Manager" (conformance 06)`,
    request: request(exec, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db-AbCdEf`),
    policies: { identity: [executionRolePolicy] },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the secretsmanager:GetSecretValue action',
  },
  {
    name: 'an inline policy adds the secret',
    source: `${EXECUTION}, secrets inline policy example`,
    request: request(exec, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db-AbCdEf`),
    policies: { identity: [executionRolePolicy, secretsPolicy] },
    expected: 'allowed',
  },
  {
    name: 'kms:Decrypt through Secrets Manager (kms:ViaService)',
    source: `${EXECUTION}: kms:Decrypt "only if your secret uses a custom KMS key"`,
    request: request(exec, 'kms:Decrypt', `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd`, { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` }),
    policies: { identity: [secretsPolicy] },
    expected: 'allowed',
  },
  {
    name: 'kms:Decrypt called directly is not covered',
    source: 'AWS KMS Developer Guide, "kms:ViaService"',
    request: request(exec, 'kms:Decrypt', `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd`),
    policies: { identity: [secretsPolicy] },
    expected: 'implicitDeny',
  },
  {
    name: 'an image pull through the allowed VPC endpoint',
    source: 'ECS Developer Guide, "Amazon ECR interface VPC endpoints": aws:SourceVpce on the pull actions',
    request: request(exec, 'ecr:BatchGetImage', `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/web`, { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' }),
    policies: { identity: [pullThroughEndpointOnly(false)] },
    expected: 'allowed',
  },
  {
    name: 'GetAuthorizationToken with a SourceVpce condition fails on Fargate',
    source: 'MISSION §2: "ecr:GetAuthorizationToken must not carry those conditions" (Fargate calls it outside the task VPC)',
    request: request(exec, 'ecr:GetAuthorizationToken', '*', { 'aws:SourceIp': '10.0.12.34' }),
    policies: { identity: [pullThroughEndpointOnly(true)] },
    expected: 'implicitDeny',
    reason: 'because no identity-based policy allows the ecr:GetAuthorizationToken action',
  },
  {
    name: 'GetAuthorizationToken without the condition works',
    source: 'MISSION §2',
    request: request(exec, 'ecr:GetAuthorizationToken', '*', { 'aws:SourceIp': '10.0.12.34' }),
    policies: { identity: [pullThroughEndpointOnly(false)] },
    expected: 'allowed',
  },
  {
    name: 'the execution role trust policy lets ecs-tasks.amazonaws.com in with the confused-deputy conditions',
    source: 'ECS Developer Guide, "Task IAM role": trust with ArnLike aws:SourceArn and StringEquals aws:SourceAccount',
    request: request(principals.service('ecs-tasks.amazonaws.com'), 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`, {
      'aws:SourceArn': `arn:aws:ecs:${REGION}:${ACCOUNT}:task/default/${TASK}`,
      'aws:SourceAccount': ACCOUNT,
    }),
    policies: {
      identity: [],
      resource: policy(
        'trust',
        grant({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole', {
          Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:ecs:${REGION}:${ACCOUNT}:*` }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        }),
      ),
      resourcePolicyMustGrant: true,
    },
    expected: 'allowed',
  },
  {
    name: 'the same trust policy refuses a task of another account (confused deputy)',
    source: 'IAM User Guide, "The confused deputy problem": aws:SourceAccount',
    request: request(principals.service('ecs-tasks.amazonaws.com'), 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`, {
      'aws:SourceArn': `arn:aws:ecs:${REGION}:999988887777:task/default/${TASK}`,
      'aws:SourceAccount': '999988887777',
    }),
    policies: {
      identity: [],
      resource: policy(
        'trust',
        grant({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole', {
          Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:ecs:${REGION}:${ACCOUNT}:*` }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        }),
      ),
      resourcePolicyMustGrant: true,
    },
    expected: 'implicitDeny',
    reason: 'because no role trust policy allows the sts:AssumeRole action',
  },
  {
    name: 'the infrastructure role: PassRole to ecs.amazonaws.com as AmazonECS_FullAccess grants it',
    source: 'AmazonECS_FullAccess statement InfrastructurePassRolePolicy (research/iam.md §5); MISSION §3',
    request: request(principals.user('deployer'), 'iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRole`, { 'iam:PassedToService': 'ecs.amazonaws.com' }),
    policies: {
      identity: [
        policy('identity', {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'InfrastructurePassRolePolicy',
              Effect: 'Allow',
              Action: 'iam:PassRole',
              Resource: ['arn:aws:iam::*:role/ecsInfrastructureRole'],
              Condition: { StringEquals: { 'iam:PassedToService': 'ecs.amazonaws.com' } },
            },
          ],
        }),
      ],
    },
    expected: 'allowed',
  },
]

for (const decisionCase of cases) {
  test(`${decisionCase.name} — ${decisionCase.source}`, () => {
    check(decisionCase)
  })
}
