//! The exact environment of a container process: a clean base, the container's own variables and secrets, and
//! what the ECS agent injects (research §4), plus AWS_ENDPOINT_URL (taskrole's one addition). Nothing else of
//! the host leaks in: above all no AWS_* credentials, AWS_PROFILE, AWS_CONFIG_FILE or TASKROLE_* variables.

export interface ContainerEnvironmentInput {
  /** taskrole's own environment: only PATH and LANG are read from it. */
  host: NodeJS.ProcessEnv
  homeDir: string
  /** Task definition environment with container overrides applied, in order. */
  environment: Array<{ name: string; value: string }>
  /** Resolved `secrets` (name -> value). */
  secrets: Record<string, string>
  region: string
  launchType: 'FARGATE' | 'EC2' | 'EXTERNAL'
  /** http://127.0.0.1:<port>: the agent's credentials and metadata server as containers reach it. */
  agentEndpoint: string
  endpointId: string
  /** Present when the task has a task role. */
  credentials?: { id: string; token: string }
  apiEndpoint: string
}

export function containerEnvironment(input: ContainerEnvironmentInput): Record<string, string> {
  const env: Record<string, string> = {}
  if (input.host.PATH !== undefined) env.PATH = input.host.PATH
  if (input.host.LANG !== undefined) env.LANG = input.host.LANG
  for (const { name, value } of input.environment) env[name] = value
  Object.assign(env, input.secrets)
  // HOME is the container's own directory (and working directory) whatever the definition says, so the aws
  // CLI's ~/.aws/config and caches are per container and never the host user's.
  env.HOME = input.homeDir
  // The agent sets AWS_REGION and AWS_DEFAULT_REGION only when the task sets neither (agent ≥1.104.0,
  // task.go ApplyRegionToContainer).
  if (env.AWS_REGION === undefined && env.AWS_DEFAULT_REGION === undefined) {
    env.AWS_REGION = input.region
    env.AWS_DEFAULT_REGION = input.region
  }
  // AWS_EXECUTION_ENV comes from the ECS backend: AWS_ECS_FARGATE on Fargate, AWS_ECS_EC2 otherwise.
  env.AWS_EXECUTION_ENV = input.launchType === 'FARGATE' ? 'AWS_ECS_FARGATE' : 'AWS_ECS_EC2'
  // v3 and v4 share the per-container endpoint id (initializeV3EndpointIDForAllContainers).
  env.ECS_CONTAINER_METADATA_URI = `${input.agentEndpoint}/v3/${input.endpointId}`
  env.ECS_CONTAINER_METADATA_URI_V4 = `${input.agentEndpoint}/v4/${input.endpointId}`
  if (input.credentials) {
    // Loopback FULL_URI + token instead of RELATIVE_URI: botocore would send RELATIVE to 169.254.170.2:80
    // (research §0.3), which a local process cannot own. Only one of the two is set (§0.4).
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${input.agentEndpoint}/v2/credentials/${input.credentials.id}`
    env.AWS_CONTAINER_AUTHORIZATION_TOKEN = input.credentials.token
    delete env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
  }
  // So that SDKs inside the task call taskrole, not AWS; a task may point it elsewhere itself.
  if (env.AWS_ENDPOINT_URL === undefined) env.AWS_ENDPOINT_URL = input.apiEndpoint
  return env
}

/** Task definition environment with RunTask containerOverrides applied (an override replaces a same-named
 *  variable and adds the others), as ECS merges them. */
export function mergeEnvironment(
  definition: Array<{ name: string; value: string }> | undefined,
  override: Array<{ name: string; value: string }> | undefined,
): Array<{ name: string; value: string }> {
  const merged = new Map<string, string>()
  for (const { name, value } of definition ?? []) merged.set(name, value)
  for (const { name, value } of override ?? []) merged.set(name, value)
  return [...merged].map(([name, value]) => ({ name, value }))
}
