//! ECR names: repository ARN `arn:aws:ecr:<region>:<registry>:repository/<name>`, repositoryUri
//! `<registry>.dkr.ecr.<region>.amazonaws.com/<name>` and the registry's proxyEndpoint (ECR User Guide).
import { ecrRegistryHost } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'

/** Where a call acts: the registry it names (registryId, for cross-account pulls) or the caller's own. */
export interface RegistryRef {
  registryId: string
  region: string
}

export interface RepositoryLocation extends RegistryRef {
  repositoryName: string
}

export function registryOf(ctx: CallContext, registryId: string | undefined): RegistryRef {
  return { registryId: registryId ?? ctx.accountId, region: ctx.region }
}

export function repositoryLocation(ctx: CallContext, input: { registryId?: string; repositoryName: string }): RepositoryLocation {
  return { ...registryOf(ctx, input.registryId), repositoryName: input.repositoryName }
}

export function repositoryArn(location: RepositoryLocation): string {
  return `arn:aws:ecr:${location.region}:${location.registryId}:repository/${location.repositoryName}`
}

/** What DescribeRepositories without names is authorized on: every repository of the registry. */
export function allRepositoriesArn(registry: RegistryRef): string {
  return `arn:aws:ecr:${registry.region}:${registry.registryId}:repository/*`
}

export function repositoryUri(location: RepositoryLocation): string {
  return `${ecrRegistryHost(location.registryId, location.region)}/${location.repositoryName}`
}

export function proxyEndpoint(registry: RegistryRef): string {
  return `https://${ecrRegistryHost(registry.registryId, registry.region)}`
}

/** Documents are scoped per registry and Region. */
export function ecrScope(registry: RegistryRef): string {
  return `${registry.registryId}/${registry.region}`
}

export function auditRepository(ctx: CallContext, location: RepositoryLocation): void {
  ctx.audit.resources.push({ ARN: repositoryArn(location), type: 'AWS::ECR::Repository', name: location.repositoryName })
}
