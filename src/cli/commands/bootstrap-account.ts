//! `taskrole bootstrap-account <id>`: create ecsTaskExecutionRole as the ECS console's first run does.
import type { Command } from 'commander'

export function registerBootstrapAccountCommand(program: Command): void {
  program
    .command('bootstrap-account <account-id>')
    .description('create ecsTaskExecutionRole (trusting ecs-tasks.amazonaws.com, AmazonECSTaskExecutionRolePolicy attached)')
    .option('--endpoint <url>', 'a running taskrole', process.env.TASKROLE_ENDPOINT ?? process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4599')
    .action(async (accountId: string, options) => {
      const response = await fetch(`${options.endpoint.replace(/\/$/, '')}/_taskrole/bootstrap-account/${encodeURIComponent(accountId)}`, { method: 'POST' })
      const body = (await response.json()) as { message?: string; roleArn?: string; created?: boolean }
      if (!response.ok) throw new Error(body.message ?? `the server answered ${response.status}`)
      process.stdout.write(`${body.created ? 'created' : 'kept'} ${body.roleArn} with AmazonECSTaskExecutionRolePolicy attached\n`)
    })
}
