//! What Parameter Store keeps: parameters per account and Region with their versions (at most 100). A
//! SecureString version holds only the KMS ciphertext of its value.
import type { Store } from '../../store/index.js'

export const PARAMETER_COLLECTION = 'ssm.parameters'

export type ParameterType = 'String' | 'StringList' | 'SecureString'

export interface ParameterTag {
  Key: string
  Value: string
}

export interface ParameterVersionRecord {
  version: number
  type: ParameterType
  /** The value, or for SecureString the base64 KMS ciphertext (context {PARAMETER_ARN}). */
  value: string
  /** SecureString: the KeyId shown (the caller's, or alias/aws/ssm) and the key used. */
  keyId?: string
  keyArn?: string
  description?: string
  allowedPattern?: string
  tier: 'Standard' | 'Advanced'
  dataType: string
  policies?: string
  labels: string[]
  lastModifiedDate: string
  lastModifiedUser: string
}

export interface ParameterRecord {
  /** As created: `/app/db/password` or `plain-name`. */
  name: string
  arn: string
  accountId: string
  region: string
  /** Oldest first. */
  versions: ParameterVersionRecord[]
  tags: ParameterTag[]
}

export function parameterScope(account: string, region: string): string {
  return `${account}/${region}`
}

export function parameterCollection(store: Store) {
  return store.documents.collection<ParameterRecord>(PARAMETER_COLLECTION)
}

export function latestVersion(parameter: ParameterRecord): ParameterVersionRecord {
  return parameter.versions[parameter.versions.length - 1]!
}
