//! Parameter names and ARNs (Systems Manager User Guide, "Requirements and constraints for parameter names"):
//! letters, digits and .-_ with / between hierarchy levels (at most 15), a leading / for hierarchies, no aws or
//! ssm prefix. `/name` and `name` are the same root-level parameter. A request may name a parameter by ARN
//! (arn:aws:ssm:<region>:<account>:parameter/<name without leading slash>) and add `:<version or label>`.
import { parseArn } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { NAME_FORMAT_MESSAGE, RESERVED_PREFIX_MESSAGE, hierarchyTooDeep, reservedParameterName, validation } from './errors.js'

export interface ParameterReference {
  /** The storage key: `/a/b` for hierarchies, `name` at the root (without its optional leading slash). */
  key: string
  /** The name as the request wrote it (without any selector); the parameter's own name for an ARN. */
  requested: string
  byArn: boolean
  account: string
  region: string
  /** What followed `:`: a version number or a label. */
  selector?: string
  arn: string
}

const NAME_CHARACTERS = /^[a-zA-Z0-9_.\-/]+$/
const MAX_LEVELS = 15

export function canonicalName(name: string): string {
  const trimmed = name.replace(/^\/+/, '')
  return trimmed.includes('/') ? `/${trimmed}` : trimmed
}

export function parameterArn(region: string, account: string, key: string): string {
  return `arn:aws:ssm:${region}:${account}:parameter${key.startsWith('/') ? key : `/${key}`}`
}

/** The path ARN GetParametersByPath authorizes on (`/a` -> …:parameter/a, `/` -> …:parameter/). */
export function pathArn(region: string, account: string, path: string): string {
  return `arn:aws:ssm:${region}:${account}:parameter${path.startsWith('/') ? path : `/${path}`}`
}

/** The checks PutParameter makes of a new parameter's name. */
export function checkNewParameterName(name: string): void {
  const bare = name.replace(/^\//, '').toLowerCase()
  const isPath = (name.match(/\//g)?.length ?? 0) > 1
  if (bare.startsWith('aws') || bare.startsWith('ssm')) {
    if (name.toLowerCase().startsWith('/aws') && isPath) throw reservedParameterName(name)
    throw validation(isPath ? NAME_FORMAT_MESSAGE : RESERVED_PREFIX_MESSAGE)
  }
  checkNameFormat(name)
  if (name.split('/').filter(Boolean).length > MAX_LEVELS) throw hierarchyTooDeep()
}

function checkNameFormat(name: string): void {
  if (!NAME_CHARACTERS.test(name) || name.includes('//') || (name.includes('/') && !name.startsWith('/')) || (name.length > 1 && name.endsWith('/'))) {
    throw validation(NAME_FORMAT_MESSAGE)
  }
}

/** A parameter a request names (GetParameter, GetParameters, DeleteParameter, …), by name or ARN. */
export function parameterReference(text: string, ctx: CallContext): ParameterReference {
  let account = ctx.accountId
  let region = ctx.region
  let name = text
  let byArn = false
  if (text.startsWith('arn:')) {
    const arn = parseArn(text)
    if (!arn || arn.service !== 'ssm' || !arn.resource.startsWith('parameter/')) throw validation(NAME_FORMAT_MESSAGE)
    account = arn.account
    region = arn.region
    name = arn.resource.slice('parameter'.length)
    byArn = true
  }
  let selector: string | undefined
  const colon = name.lastIndexOf(':')
  if (colon >= 0) {
    selector = name.slice(colon + 1)
    name = name.slice(0, colon)
  }
  checkNameFormat(name)
  const key = canonicalName(name)
  return { key, requested: name, byArn, account, region, selector, arn: parameterArn(region, account, key) }
}
