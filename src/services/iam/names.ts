//! IAM's name, path and policy-ARN rules (IAM User Guide, "IAM object quotas" and "IAM identifiers"). The protocol
//! layer checks the model's patterns for HTTP calls; these also guard in-process calls, which skip that layer.
import { invalidArn, validationError } from './errors.js'

const NAME = /^[\w+=,.@-]+$/
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/

/** Name lengths per parameter, as the model's shapes say. */
const MAX_NAME: Record<string, number> = { roleName: 64, userName: 64, groupName: 128, policyName: 128 }

/** "The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-" */
export function checkName(parameter: 'roleName' | 'userName' | 'groupName' | 'policyName', value: string): void {
  const max = MAX_NAME[parameter]!
  if (value.length < 1 || value.length > max) {
    throw validationError(`1 validation error detected: Value at '${parameter}' failed to satisfy constraint: Member must have length less than or equal to ${max}`)
  }
  if (!NAME.test(value)) {
    throw validationError(
      `The specified value for ${parameter} is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-`,
    )
  }
}

/** Paths start and end with "/" (IAM User Guide, "Friendly names and paths"). */
export function checkPath(path: string | undefined): string {
  if (path === undefined) return '/'
  if (path.length > 512 || !PATH.test(path)) {
    throw validationError(
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    )
  }
  return path
}

export interface PolicyArnParts {
  /** 'aws' for AWS managed policies, else the owning account. */
  account: string
  path: string
  name: string
}

/** arn:aws:iam::<account|aws>:policy/<path><name>; anything else is "ARN x is not valid." (InvalidInput). */
export function parsePolicyArn(arn: string): PolicyArnParts {
  const match = /^arn:aws:iam::(\d{12}|aws):policy(\/(?:[^/]+\/)*)([\w+=,.@-]+)$/.exec(arn)
  if (!match) throw invalidArn(arn)
  return { account: match[1]!, path: match[2]!, name: match[3]! }
}

export function isAwsManagedArn(arn: string): boolean {
  return arn.startsWith('arn:aws:iam::aws:policy/')
}

/** Roles, users and groups: arn:aws:iam::<account>:<kind>/<path-without-leading-slash><name>. */
export function entityArn(account: string, kind: 'role' | 'user' | 'group' | 'policy', path: string, name: string): string {
  return `arn:aws:iam::${account}:${kind}${path}${name}`
}

export interface EntityArnParts {
  account: string
  kind: 'role' | 'user' | 'group'
  path: string
  name: string
}

/** Splits a role/user/group ARN; undefined for anything else (assumed-role ARNs, root, services). */
export function parseEntityArn(arn: string): EntityArnParts | undefined {
  const match = /^arn:aws:iam::(\d{12}):(role|user|group)(\/(?:[^/]+\/)*)([\w+=,.@-]+)$/.exec(arn)
  if (!match) return undefined
  return { account: match[1]!, kind: match[2] as EntityArnParts['kind'], path: match[3]!, name: match[4]! }
}
