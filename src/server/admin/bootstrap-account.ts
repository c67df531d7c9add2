//! What the ECS console does on an account's first run: create `ecsTaskExecutionRole` trusting
//! ecs-tasks.amazonaws.com with AmazonECSTaskExecutionRolePolicy attached (ECS Developer Guide,
//! "Amazon ECS task execution IAM role"). Done as the account's root, through dispatch, so it is audited.
import { AwsError, isAccountId } from '../../aws/index.js'
import type { Dispatcher } from '../../dispatch/index.js'

const ROLE_NAME = 'ecsTaskExecutionRole'
const POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

export function bootstrapAccount(dispatcher: Dispatcher, accountId: string, region: string): { status: number; body: string } {
  if (!isAccountId(accountId)) return { status: 400, body: JSON.stringify({ message: `\`${accountId}\` is not a 12-digit account id` }) }
  const call = (operation: string, input: unknown) =>
    dispatcher.invoke({
      service: 'iam',
      operation,
      input,
      principal: { type: 'Root', accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, accessKeyId: accountId },
      region,
      source: { userAgent: 'taskrole bootstrap-account', secureTransport: true, ip: '127.0.0.1' },
    }) as { Role: { Arn: string } }
  let created = true
  try {
    call('CreateRole', { RoleName: ROLE_NAME, AssumeRolePolicyDocument: TRUST, Description: 'Allows ECS tasks to call AWS services on your behalf.' })
  } catch (error) {
    if (!(error instanceof AwsError && error.code === 'EntityAlreadyExists')) throw error
    created = false
  }
  call('AttachRolePolicy', { RoleName: ROLE_NAME, PolicyArn: POLICY_ARN })
  const role = call('GetRole', { RoleName: ROLE_NAME })
  return { status: 200, body: JSON.stringify({ roleArn: role.Role.Arn, created, attached: POLICY_ARN }) }
}
