//! Principal values IAM accepts in trust and resource policies (IAM User Guide, "AWS JSON policy elements:
//! Principal"): `*`, 12-digit account ids, root/user/role/session ARNs without wildcards, service names.
//! Users and roles must exist when the policy is saved; IAM keeps their unique ids.
// Directly, not through aws/index.ts: that would pull the managed-policy data into standalone engine bundles.
import { isAccountId } from '../../aws/account-id.js'
import { STATEMENT_WITHOUT_PRINCIPAL, invalidPrincipal } from './malformed-policy-messages.js'
import { hasKey, isJsonObject, type JsonObject, type ValidateOptions } from './policy-document.js'

export type PrincipalCheck = { ok: true; uniqueIds: Record<string, string> } | { ok: false; message: string }

const PARTITION = 'aws'
const SERVICE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.amazonaws\.com$/
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$/
/** Unique ids IAM shows in place of a deleted principal (and accepts back). */
const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{12,}$/

export function checkPrincipals(statements: JsonObject[], options: ValidateOptions): PrincipalCheck {
  const uniqueIds: Record<string, string> = {}
  for (const statement of statements) {
    const element = hasKey(statement, 'Principal') ? statement['Principal'] : statement['NotPrincipal']
    if (element === undefined) return { ok: false, message: STATEMENT_WITHOUT_PRINCIPAL }
    if (element === '*' || !isJsonObject(element)) continue
    for (const [key, value] of Object.entries(element)) {
      const values = Array.isArray(value) ? (value as string[]) : [value as string]
      if (values.length === 0) return { ok: false, message: STATEMENT_WITHOUT_PRINCIPAL }
      for (const principal of values) {
        const message = principalError(key, principal, options, uniqueIds)
        if (message) return { ok: false, message }
      }
    }
  }
  return { ok: true, uniqueIds }
}

function principalError(key: string, value: string, options: ValidateOptions, uniqueIds: Record<string, string>): string | undefined {
  const invalid = invalidPrincipal(key, value)
  switch (key) {
    case 'AWS': {
      if (value === '*' || isAccountId(value) || UNIQUE_ID.test(value)) return undefined
      const kind = awsPrincipalArnKind(value)
      if (!kind) return invalid
      if ((kind === 'user' || kind === 'role') && options.resolvePrincipal) {
        const id = options.resolvePrincipal(value)
        if (id === undefined) return invalid
        uniqueIds[value] = id
      }
      return undefined
    }
    case 'Service':
      return SERVICE_NAME.test(value) ? undefined : invalid
    case 'Federated':
      return federatedProviderArn(value) || HOST_NAME.test(value) ? undefined : invalid
    default:
      return value.length > 0 && !value.includes('*') ? undefined : invalid
  }
}

/** Which kind of AWS principal an ARN names, or undefined when IAM would reject it. */
function awsPrincipalArnKind(value: string): 'root' | 'user' | 'role' | 'session' | undefined {
  if (value.includes('*') || value.includes('?')) return undefined
  const parts = value.split(':')
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[1] !== PARTITION || parts[3] !== '') return undefined
  const [, , service, , account, resource] = parts as [string, string, string, string, string, string]
  if (!isAccountId(account)) return undefined
  if (service === 'iam') {
    if (resource === 'root') return 'root'
    if (/^user\/(.+\/)?[\w+=,.@-]+$/.test(resource)) return 'user'
    if (/^role\/(.+\/)?[\w+=,.@-]+$/.test(resource)) return 'role'
    return undefined
  }
  if (service === 'sts') {
    if (/^assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+$/.test(resource)) return 'session'
    if (/^federated-user\/[\w+=,.@-]+$/.test(resource)) return 'session'
  }
  return undefined
}

function federatedProviderArn(value: string): boolean {
  const parts = value.split(':')
  return (
    parts.length === 6 &&
    parts[0] === 'arn' &&
    parts[1] === PARTITION &&
    parts[2] === 'iam' &&
    isAccountId(parts[4]!) &&
    /^(saml-provider|oidc-provider)\/\S+$/.test(parts[5]!)
  )
}
