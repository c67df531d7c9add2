//! The two role checks ECS makes when a role is named for a task: the caller may pass it (iam:PassRole with
//! iam:PassedToService = ecs-tasks.amazonaws.com, shared/research/iam.md §2), and ECS itself can assume it as
//! ecs-tasks.amazonaws.com (RunTask fails at once otherwise, research/ecs-agent.md §5.2).
import { findRoleByArn, roleTrustRequirement, type CallContext } from '../../dispatch/index.js'
import { unableToAssumeRole } from './errors.js'

export const ECS_TASKS_SERVICE = 'ecs-tasks.amazonaws.com'

/** Throws ECS's AccessDeniedException ("User: … is not authorized to perform: iam:PassRole on resource: …"). */
export function passRole(ctx: CallContext, roleArn: string): void {
  ctx.authorize({ action: 'iam:PassRole', resource: roleArn, context: { 'iam:PassedToService': ECS_TASKS_SERVICE } })
}

/**
 * ECS assumes the task and execution roles as the service principal when the task is created, with
 * aws:SourceAccount = the account and aws:SourceArn = the task's ARN (AWS's trust-policy examples allow
 * `arn:aws:ecs:<region>:<account>:*`; the embedded agent assumes with the same keys). A role that does not exist,
 * or whose trust policy does not allow ecs-tasks.amazonaws.com, gives ECS's ClientException.
 */
export function checkEcsCanAssume(ctx: CallContext, roleArn: string, sourceArn: string): void {
  const role = findRoleByArn(ctx.store, roleArn)
  if (!role) throw unableToAssumeRole(roleArn)
  const servicePrincipal = { type: 'AWSService' as const, service: ECS_TASKS_SERVICE, sourceAccount: ctx.accountId, sourceArn }
  const requirement = roleTrustRequirement(role, 'sts:AssumeRole', { 'aws:SourceAccount': ctx.accountId, 'aws:SourceArn': sourceArn })
  if (!ctx.check(requirement, servicePrincipal).permitted) throw unableToAssumeRole(roleArn)
}

/** The caller's ARN as ECS records it in registeredBy (the service name for a service principal). */
export function callerArn(ctx: CallContext): string {
  const principal = ctx.principal
  return principal.type === 'AWSService' ? principal.service : principal.arn
}
