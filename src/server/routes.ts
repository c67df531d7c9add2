//! /_taskrole/* (health, reset, explain) and moto's reset alias; everything else is the AWS API.
import type { Store } from '../store/index.js'
import { explainBody } from './admin/explain.js'
import { healthBody } from './admin/health.js'

export interface AdminDeps {
  store: Store
  startedAt: Date
  /** Wipes every record; the agent first ends the containers it runs (their records would be gone after). */
  reset(): Promise<void>
  /** POST /_taskrole/bootstrap-account/<id>: the console's first-run roles. */
  bootstrapAccount(accountId: string): AdminAnswer
}

export interface AdminAnswer {
  status: number
  body: string
}

/** Answers an admin path, or undefined when the path is not an admin path. */
export function routeAdmin(method: string, path: string, deps: AdminDeps): AdminAnswer | Promise<AdminAnswer> | undefined {
  if (path === '/_taskrole/health') return method === 'GET' || method === 'HEAD' ? { status: 200, body: healthBody(deps.startedAt) } : methodNotAllowed()
  // moto's server mode resets through POST /moto-api/reset; suites written against moto_server call it unchanged.
  if (path === '/_taskrole/reset' || path === '/moto-api/reset' || path === '/moto-api/reset/') {
    if (method !== 'POST') return methodNotAllowed()
    return deps.reset().then(() => ({ status: 200, body: JSON.stringify({ status: 'reset' }) }))
  }
  if (path.startsWith('/_taskrole/bootstrap-account/')) {
    return method === 'POST' ? deps.bootstrapAccount(decodeURIComponent(path.slice('/_taskrole/bootstrap-account/'.length))) : methodNotAllowed()
  }
  if (path === '/_taskrole/explain/last-denied') return method === 'GET' ? explainBody(deps.store, 'last-denied') : methodNotAllowed()
  if (path.startsWith('/_taskrole/explain/')) {
    return method === 'GET' ? explainBody(deps.store, decodeURIComponent(path.slice('/_taskrole/explain/'.length))) : methodNotAllowed()
  }
  if (path.startsWith('/_taskrole/') || path.startsWith('/moto-api/')) return { status: 404, body: JSON.stringify({ message: `no admin route \`${path}\`` }) }
  return undefined
}

function methodNotAllowed(): AdminAnswer {
  return { status: 405, body: JSON.stringify({ message: 'method not allowed' }) }
}
