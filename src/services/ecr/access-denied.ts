//! ECR's AccessDeniedException names the resource even when the action takes none: "User: arn:aws:sts::…:assumed-role/
//! r/s is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows
//! the ecr:GetAuthorizationToken action" (as AWS prints it in CLI, SDK and CodeBuild logs), where IAM's own wording
//! leaves a `*` resource out.
import type { AuthorizationOutcome } from '../../dispatch/index.js'

export function ecrAccessDeniedMessage(denialMessage: string, outcome: AuthorizationOutcome): string {
  const { action, resource } = outcome.requirement
  if (resource !== '*' || denialMessage.includes(`${action} on resource:`)) return denialMessage
  return denialMessage.replace(`perform: ${action}`, `perform: ${action} on resource: *`)
}
