//! Test support: requests signed (or presigned) by the AWS SDK's own signer, @smithy/signature-v4, in the shape authenticate() takes.
import { Sha256 } from '@aws-crypto/sha256-js'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import type { AuthenticatedRequest } from '../../src/auth/index.js'

export interface SdkSigning {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  service?: string
  region?: string
  method?: string
  /** Wire form (percent-encoded). */
  path?: string
  query?: Record<string, string | string[]>
  headers?: Record<string, string>
  body?: string
  signingDate: Date
  /** Presign instead of signing the Authorization header. */
  presignExpiresIn?: number
}

export async function signLikeSdk(options: SdkSigning): Promise<AuthenticatedRequest> {
  const signer = new SignatureV4({
    service: options.service ?? 'sts',
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, sessionToken: options.sessionToken },
    sha256: Sha256,
  })
  const body = options.body ?? ''
  const request = new HttpRequest({
    method: options.method ?? 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4599,
    path: options.path ?? '/',
    query: options.query ?? {},
    headers: { host: '127.0.0.1:4599', ...(options.headers ?? {}) },
    body,
  })
  const signed =
    options.presignExpiresIn === undefined
      ? await signer.sign(request, { signingDate: options.signingDate })
      : await signer.presign(request, { signingDate: options.signingDate, expiresIn: options.presignExpiresIn })
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = String(value)
  return { method: signed.method, path: signed.path, query: rawQuery(signed.query ?? {}), headers, body: Buffer.from(body) }
}

function rawQuery(query: Record<string, string | string[] | null>): string {
  const parts: string[] = []
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(item)}`)
  }
  return parts.join('&')
}
