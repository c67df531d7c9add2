//! Runs the real aws CLI and boto3 against a taskrole endpoint with exactly the credentials given.
import { spawnSync } from 'node:child_process'
import { clientTools } from './client-tools.js'
import { runAwsCli, runPython } from './client-fork-server.js'

export interface ClientIdentity {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  region?: string
}

export interface ClientResult {
  code: number
  stdout: string
  stderr: string
  /** stdout parsed as JSON when it is JSON. */
  json?: any
}

/** An environment holding only what the clients need: no host AWS profile or credentials leak in. */
export function clientEnv(identity: ClientIdentity): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    // The real aws and python3 first, so what the clients spawn (and tasks' own clients) skip pyenv's shims.
    PATH: clientTools().path,
    HOME: process.env.HOME,
    LANG: process.env.LANG ?? 'C.UTF-8',
    AWS_ENDPOINT_URL: identity.endpoint,
    AWS_ACCESS_KEY_ID: identity.accessKeyId,
    AWS_SECRET_ACCESS_KEY: identity.secretAccessKey,
    AWS_DEFAULT_REGION: identity.region ?? 'us-east-1',
    AWS_REGION: identity.region ?? 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
  }
  if (identity.sessionToken) env.AWS_SESSION_TOKEN = identity.sessionToken
  if (process.env.PYENV_ROOT) env.PYENV_ROOT = process.env.PYENV_ROOT
  return env
}

function finish(result: ReturnType<typeof spawnSync>): ClientResult {
  const stdout = String(result.stdout ?? '')
  let json: any
  try {
    json = stdout.trim() ? JSON.parse(stdout) : undefined
  } catch {
    json = undefined
  }
  return { code: result.status ?? -1, stdout, stderr: String(result.stderr ?? ''), json }
}

/** `aws <args…> --output json`. */
export function awsCli(args: string[], identity: ClientIdentity): ClientResult {
  return finish(runAwsCli([...args, '--output', 'json'], clientEnv(identity)))
}

/** Runs a Python script with boto3 importable; the script prints JSON to stdout. */
export function boto3(script: string, identity: ClientIdentity): ClientResult {
  return finish(runPython(script, clientEnv(identity)))
}

/** Root credentials of an account (key id = the account id, secret `test`). */
export function rootOf(endpoint: string, account: string): ClientIdentity {
  return { endpoint, accessKeyId: account, secretAccessKey: 'test' }
}

/** A random 12-digit account, so tests never share state. */
export function newAccount(): string {
  return String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999))
}
