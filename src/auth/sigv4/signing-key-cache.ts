//! Derived SigV4 signing keys, cached so that a verification costs one HMAC instead of five.
import { createHmac } from 'node:crypto'

/** Enough for every (key, day, region, service) a busy local run uses; the oldest entry goes first. */
const DEFAULT_CAPACITY = 1024

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
 * (AWS Signature Version 4, "Derive a signing key"). One instance lives for the server's life; pass it
 * in AuthenticateOptions.signingKeys.
 */
export class SigningKeyCache {
  readonly #keys = new Map<string, Buffer>()
  readonly #capacity: number

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity
  }

  get size(): number {
    return this.#keys.size
  }

  get(secret: string, date: string, region: string, service: string): Buffer {
    const id = `${date}\u0000${region}\u0000${service}\u0000${secret}`
    const cached = this.#keys.get(id)
    if (cached) return cached
    const key = deriveSigningKey(secret, date, region, service)
    if (this.#keys.size >= this.#capacity) this.#keys.delete(this.#keys.keys().next().value!)
    this.#keys.set(id, key)
    return key
  }
}

export function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest()
  const kRegion = createHmac('sha256', kDate).update(region).digest()
  const kService = createHmac('sha256', kRegion).update(service).digest()
  return createHmac('sha256', kService).update('aws4_request').digest()
}
