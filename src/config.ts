//! Every setting, its flag and environment name, and its default, in one typed object.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EnforcementMode } from './authz/index.js'

export interface TaskroleConfig {
  host: string
  port: number
  dataDir: string
  enforcement: EnforcementMode
  /** strict: every signature verified; lenient: unknown keys act as root of defaultAccount, unchecked. */
  auth: 'strict' | 'lenient'
  /** Secret of every account's root key (key id = the account id). */
  rootSecret: string
  /** The account of the placeholder key id `test` (and of unknown keys in lenient mode). */
  defaultAccount: string
  /** Region assumed for requests whose signature names none. */
  region: string
  /** Lifetime of task role credentials the agent serves (ECS: six hours). */
  taskCredentialSeconds: number
  /** Also serve /v2/credentials on 169.254.170.2:80 (Linux, root, routed by the user). */
  linkLocal: boolean
  /** Where the service models live (models/ of the package). */
  modelsDir: string
  /** Print one line per API call to stderr. */
  accessLog: boolean
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 4599,
  dataDir: './.taskrole',
  enforcement: 'enforce' as EnforcementMode,
  auth: 'strict' as const,
  rootSecret: 'test',
  defaultAccount: '000000000000',
  region: 'us-east-1',
  taskCredentialSeconds: 6 * 3600,
}

/** The package root: the folder holding package.json and models/, whether run from src/ (tsx) or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'models'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('cannot find the taskrole package root (package.json + models/)')
    dir = parent
  }
  return dir
}
