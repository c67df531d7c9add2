//! Identifiers in AWS's shapes: unique ids with their prefixes (IAM User Guide, "Unique identifiers"),
//! access keys, request ids, task ids.
import { randomBytes, randomUUID } from 'node:crypto'

/** Unique-id prefixes AWS uses: AIDA user, AROA role, AGPA group, ANPA managed policy, AKIA/ASIA keys. */
export type UniqueIdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'ANPA' | 'AKIA' | 'ASIA' | 'AIPA' | 'ANVA'

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** 21 characters like AWS's unique ids (prefix + 17 upper-case base32 characters). */
export function uniqueId(prefix: UniqueIdPrefix): string {
  return prefix + randomBase32(17)
}

/** Access key ids are 20 characters: AKIA/ASIA + 16. */
export function accessKeyId(prefix: 'AKIA' | 'ASIA'): string {
  return prefix + randomBase32(16)
}

export function secretAccessKey(): string {
  return randomBytes(30).toString('base64').replace(/[^A-Za-z0-9]/g, 'A').slice(0, 40)
}

export function sessionToken(): string {
  return 'IQoJb3JpZ2luX2VjE' + randomBytes(96).toString('base64')
}

export function requestId(): string {
  return randomUUID()
}

/** ECS task ids are 32 lower-case hex characters. */
export function taskId(): string {
  return randomBytes(16).toString('hex')
}

function randomBase32(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (let i = 0; i < length; i++) out += BASE32[bytes[i]! & 31]
  return out
}
