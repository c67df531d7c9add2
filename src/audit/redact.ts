//! Secrets never reach the audit trail: sensitive members are replaced as CloudTrail does.

const ALWAYS_SENSITIVE = new Set([
  'SecretString',
  'SecretBinary',
  'Plaintext',
  'CiphertextBlob',
  'Password',
  'NewPassword',
  'OldPassword',
  'SecretAccessKey',
  'secretAccessKey',
  'SessionToken',
  'sessionToken',
  'layerPartBlob',
])

export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS'

/** A copy of value with sensitive members hidden, Buffers summarised and Dates as ISO strings. */
export function redact(value: unknown, extraSensitive: ReadonlySet<string> = new Set(), depth = 0): unknown {
  if (value === null || value === undefined) return value
  if (value instanceof Date) return value.toISOString()
  if (Buffer.isBuffer(value)) return HIDDEN
  if (depth > 12) return '…'
  if (Array.isArray(value)) return value.map((item) => redact(item, extraSensitive, depth + 1))
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      out[lowerFirst(key)] = ALWAYS_SENSITIVE.has(key) || extraSensitive.has(key) ? HIDDEN : redact(inner, extraSensitive, depth + 1)
    }
    return out
  }
  return value
}

/** CloudTrail writes parameters in lower camel case (roleName, assumeRolePolicyDocument). */
function lowerFirst(key: string): string {
  return key.length && key[0]! >= 'A' && key[0]! <= 'Z' ? key[0]!.toLowerCase() + key.slice(1) : key
}
