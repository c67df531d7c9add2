//! Private ECR image references: `<registry>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag][@digest]`
//! (Amazon ECR User Guide, "Private registry concepts"; FIPS `dkr.ecr-fips`, China `.amazonaws.com.cn`, dual-stack
//! `<registry>.dkr-ecr.<region>.on.aws`). Pure, so the agent's image-pull step and services can share it.

export interface EcrImageReference {
  /** The 12-digit account that owns the registry. */
  registryId: string
  region: string
  repositoryName: string
  /** The tag as written; absent when the reference names only a digest, or nothing (docker then pulls `latest`). */
  tag?: string
  /** `sha256:<hex>` when the reference pins a digest (`repo@sha256:…` or `repo:tag@sha256:…`). */
  digest?: string
  /** What a pull resolves: the digest when given, else the tag, else `latest` (docker's default). */
  reference: string
}

const HOST = /^(\d{12})\.(?:dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws)$/
/** ECR's repository-name grammar (the CreateRepository pattern, AWS's spelling without its Java escapes). */
const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/
/** Docker's tag grammar (distribution/reference: `[\w][\w.-]{0,127}`). */
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/

/** The parts of a private ECR image URI, or undefined for anything else (Docker Hub, public.ecr.aws, malformed). */
export function parseEcrImageUri(image: string): EcrImageReference | undefined {
  const slash = image.indexOf('/')
  if (slash < 0) return undefined
  const host = HOST.exec(image.slice(0, slash))
  if (!host) return undefined
  let rest = image.slice(slash + 1)
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) return undefined
  }
  let tag: string | undefined
  // A colon after the last slash starts the tag (a colon before it would be a registry port, which ECR has not).
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) return undefined
  }
  if (rest.length < 2 || rest.length > 256 || !REPOSITORY.test(rest)) return undefined
  const reference: EcrImageReference = {
    registryId: host[1]!,
    region: (host[2] ?? host[3])!,
    repositoryName: rest,
    reference: digest ?? tag ?? 'latest',
  }
  if (tag !== undefined) reference.tag = tag
  if (digest !== undefined) reference.digest = digest
  return reference
}

/** The registry host of an account in a Region, as GetAuthorizationToken's proxyEndpoint names it (without https://). */
export function ecrRegistryHost(registryId: string, region: string): string {
  return `${registryId}.dkr.ecr.${region}.amazonaws.com`
}
