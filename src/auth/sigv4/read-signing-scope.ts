//! The signing scope of a request, read without verifying anything, so the pipeline can pick the service first.
import { parseQueryPairs } from './query-pairs.js'

export interface SigningScope {
  accessKeyId: string
  /** YYYYMMDD */
  date: string
  region: string
  service: string
}

/** undefined when the request is unsigned or its Credential is not keyid/date/region/service/aws4_request-shaped. */
export function readSigningScope(request: { headers: Record<string, string>; query: string }): SigningScope | undefined {
  const header = request.headers['authorization']
  let credential: string | undefined
  if (header !== undefined && header.trim() !== '') {
    credential = /(?:^|[\s,])Credential=([^,\s]+)/.exec(header)?.[1]
  } else if (request.query.includes('X-Amz-Credential')) {
    credential = parseQueryPairs(request.query).find(([name]) => name === 'X-Amz-Credential')?.[1]
  }
  if (credential === undefined) return undefined
  const parts = credential.split('/')
  if (parts.length !== 5 || parts.some((part) => part === '')) return undefined
  const [accessKeyId, date, region, service] = parts as [string, string, string, string, string]
  return { accessKeyId, date, region, service }
}
