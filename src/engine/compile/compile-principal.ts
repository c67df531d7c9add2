//! Principal/NotPrincipal element -> lookup sets (IAM User Guide, "AWS JSON policy elements: Principal"):
//! `"*"`, account ids and `:root` ARNs (the account), user/role/session ARNs, Service, Federated, CanonicalUser.
import { isJsonObject, type JsonValue } from '../document/policy-document.js'

export interface PrincipalMatcher {
  /** `"*"` or `{"AWS": "*"}`: everyone, anonymous callers included, but not AWS services. */
  anyone: boolean
  accounts: ReadonlySet<string>
  /** user, role and session ARNs -> the unique id IAM recorded when the policy was written, if any. */
  arns: ReadonlyMap<string, string | undefined>
  /** Unique ids written in place of a deleted user or role. */
  uniqueIds: ReadonlySet<string>
  /** Lower-cased service principal names. */
  services: ReadonlySet<string>
  federated: ReadonlySet<string>
  canonicalUsers: ReadonlySet<string>
  /** As written, `AWS:arn:…` style, for explanations. */
  described: string[]
}

const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/
const ACCOUNT = /^\d{12}$/

export function compilePrincipal(element: JsonValue | undefined, uniqueIds: Record<string, string> | undefined): PrincipalMatcher {
  const matcher = {
    anyone: false,
    accounts: new Set<string>(),
    arns: new Map<string, string | undefined>(),
    uniqueIds: new Set<string>(),
    services: new Set<string>(),
    federated: new Set<string>(),
    canonicalUsers: new Set<string>(),
    described: [] as string[],
  }
  if (element === '*') {
    matcher.anyone = true
    matcher.described.push('*')
    return matcher
  }
  if (!isJsonObject(element)) return matcher
  for (const [key, raw] of Object.entries(element)) {
    const list = Array.isArray(raw) ? raw : [raw]
    for (const item of list) {
      if (typeof item !== 'string') continue
      matcher.described.push(`${key}:${item}`)
      if (key === 'AWS') addAwsPrincipal(matcher, item, uniqueIds)
      else if (key === 'Service') matcher.services.add(item.toLowerCase())
      else if (key === 'Federated') matcher.federated.add(item)
      else if (key === 'CanonicalUser') matcher.canonicalUsers.add(item)
    }
  }
  return matcher
}

function addAwsPrincipal(
  matcher: { anyone: boolean; accounts: Set<string>; arns: Map<string, string | undefined>; uniqueIds: Set<string> },
  value: string,
  uniqueIds: Record<string, string> | undefined,
): void {
  if (value === '*') {
    matcher.anyone = true
    return
  }
  if (ACCOUNT.test(value)) {
    matcher.accounts.add(value)
    return
  }
  const root = ROOT_ARN.exec(value)
  if (root) {
    matcher.accounts.add(root[1]!)
    return
  }
  if (value.startsWith('arn:')) {
    matcher.arns.set(value, uniqueIds && Object.prototype.hasOwnProperty.call(uniqueIds, value) ? uniqueIds[value] : undefined)
    return
  }
  matcher.uniqueIds.add(value)
}
