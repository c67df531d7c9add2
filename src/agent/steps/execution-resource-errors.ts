//! Fargate's stoppedReason texts for the execution role's task resources and image pulls (research §5.6, §5.7):
//! `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: …`
//! around the AWS error as aws-sdk-go v1 prints it (`<Code>: <message> status code: <n>, request id: <id>`), and
//! containerd's `CannotPullContainerError: pull image manifest has been retried 5 time(s): …` for the pull itself.
import type { AwsError } from '../../aws/index.js'

const RESOURCE_PREFIX = 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed'

/** aws-sdk-go v1's rendering of a service error (awserr.RequestFailure). */
export function sdkErrorText(error: AwsError, requestId: string): string {
  return `${error.code}: ${error.message} status code: ${error.status}, request id: ${requestId}`
}

/** Real (aws/copilot-cli#4504): `… unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: …`. */
export function ssmSecretsError(error: AwsError, requestId: string): string {
  return `${RESOURCE_PREFIX}: unable to retrieve secrets from ssm: service call has been retried 1 time(s): ${sdkErrorText(error, requestId)}`
}

/** GetParameters answered but named parameters it could not return (agent `ssm.go`: "invalid parameters: a,b"). */
export function ssmInvalidParameters(names: string[]): string {
  return `${RESOURCE_PREFIX}: unable to retrieve secrets from ssm: invalid parameters: ${names.join(',')}`
}

/** Real (aws/copilot-cli#5752): `… unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret <id> from secrets manager: AccessDeniedException: …`. */
export function asmSecretError(secretId: string, error: AwsError, requestId: string): string {
  return `${RESOURCE_PREFIX}: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${secretId} from secrets manager: ${sdkErrorText(error, requestId)}`
}

/** A secret that was read but cannot fill the variable (bad valueFrom, missing JSON key, no SecretString). */
export function asmSecretContentError(detail: string): string {
  return `${RESOURCE_PREFIX}: unable to retrieve secret from asm: ${detail}`
}

/** agent `asmsecret.go`: the valueFrom is neither a secret ARN nor one with exactly json-key:version-stage:version-id. */
export function invalidSecretArn(valueFrom: string): string {
  return asmSecretContentError(
    `trying to retrieve secret with value ${valueFrom} resulted in error: an invalid ARN format for the AWS Secrets Manager secret was specified. Specify a valid ARN and try again.`,
  )
}

/** agent `asmauth.go` wording for repositoryCredentials ("asm fetching secret from the service for <id>: <err>"). */
export function registryAuthError(secretId: string, detail: string): string {
  return `${RESOURCE_PREFIX}: unable to retrieve private registry auth from asm: asm fetching secret from the service for ${secretId}: ${detail}`
}

/** Real prefix (aws-app-mesh-examples#413); the AccessDenied body is the one ECR returns to GetAuthorizationToken. */
export function ecrRegistryAuthError(error: AwsError, requestId: string): string {
  return `${RESOURCE_PREFIX}: unable to retrieve ecr registry auth: service call has been retried 3 time(s): ${sdkErrorText(error, requestId)}`
}

/** Real (containers-roadmap#2687): `CannotPullContainerError: pull image manifest has been retried … failed to resolve ref <image>: not found`. */
export function imageNotFoundError(image: string): string {
  return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${image}: ${image}: not found`
}

/**
 * The registry answers the manifest request with 403 (aws-cdk#14457: `failed to resolve ref …: unexpected status code
 * [manifests …]: 403 Forbidden`); the body ECR sends (`denied: User: … is not authorized to perform: ecr:BatchGetImage …`)
 * is appended, as the EC2 agent's message does, so the refused action is named.
 */
export function manifestForbiddenError(image: string, reference: string, error: AwsError): string {
  return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${image}: unexpected status code [manifests ${reference}]: 403 Forbidden: denied: ${error.message}`
}

/** The layer download is refused (GetDownloadUrlForLayer): containerd's `failed to copy … 403 Forbidden`. */
export function layerForbiddenError(image: string, blobUrl: string, error: AwsError): string {
  return `CannotPullContainerError: ref pull has been retried 5 time(s): failed to copy: httpReadSeeker: failed open: unexpected status code ${blobUrl}: 403 Forbidden: denied: ${error.message} (pulling ${image})`
}
