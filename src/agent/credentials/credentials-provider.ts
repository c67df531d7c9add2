//! The credentials provider's answers: GET /v2/credentials/<id> (and legacy /v1/credentials?id=) with the agent's
//! exact bodies (research §1.2-§1.4), plus taskrole's token check on the shared loopback (MISSION §1).
import type { TaskCredentials } from './task-credentials.js'

export interface ProviderAnswer {
  status: number
  body: string
}

/** ErrorMessage{Code "code", Message "message", HTTPErrorCode} — the last field has no JSON tag, so it is named so. */
function errorAnswer(status: number, code: string, message: string): ProviderAnswer {
  return { status, body: JSON.stringify({ code, message, HTTPErrorCode: status }) }
}

export function credentialsError(version: 'V1' | 'V2', kind: 'noId' | 'invalidId' | 'uninitialized' | 'noToken' | 'badToken'): ProviderAnswer {
  const prefix = `Credentials${version}Request: `
  switch (kind) {
    case 'noId':
      return errorAnswer(400, 'NoIdInRequest', `${prefix}No Credential ID in the request`)
    case 'invalidId':
      return errorAnswer(400, 'InvalidIdInRequest', `${prefix}Credentials not found`)
    case 'uninitialized':
      return errorAnswer(503, 'CredentialsUninitialized', `${prefix}Credentials uninitialized for ID`)
    // taskrole's own answers (the real agent checks no token): same shape, 401 / 403 like an HTTP auth failure.
    case 'noToken':
      return errorAnswer(401, 'NoAuthorizationToken', `${prefix}No Authorization header in the request`)
    case 'badToken':
      return errorAnswer(403, 'InvalidAuthorizationToken', `${prefix}Authorization token is not valid for the Credential ID`)
  }
}

export interface CredentialsRequest {
  /** The URL path without the query. */
  path: string
  query: URLSearchParams
  authorization: string | undefined
  /** Served on 169.254.170.2 (--link-local): the id alone suffices, as on ECS. */
  linkLocal: boolean
}

/** Undefined when the path is not a credentials route. */
export function answerCredentials(request: CredentialsRequest, credentials: TaskCredentials): ProviderAnswer | undefined {
  let version: 'V1' | 'V2'
  let id: string
  if (request.path.startsWith('/v2/credentials/')) {
    version = 'V2'
    // The agent's route is `/v2/credentials/{id:.*}`: an id may hold `/`, and an empty one is a 400, not a 404.
    id = request.path.slice('/v2/credentials/'.length)
  } else if (request.path === '/v1/credentials') {
    version = 'V1'
    id = request.query.get('id') ?? ''
  } else {
    return undefined
  }
  if (id === '') return credentialsError(version, 'noId')
  const served = credentials.get(id)
  // Execution-role credentials are the agent's own: to a container they do not exist.
  if (!served || served.record.roleType !== 'TaskApplication') return credentialsError(version, 'invalidId')
  if (!request.linkLocal) {
    if (request.authorization === undefined || request.authorization === '') return credentialsError(version, 'noToken')
    if (!served.tokens.has(request.authorization)) return credentialsError(version, 'badToken')
  }
  if (served.body === undefined) return credentialsError(version, 'uninitialized')
  return { status: 200, body: served.body }
}
