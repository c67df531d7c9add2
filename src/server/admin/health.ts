//! GET /_taskrole/health: 200 once the server accepts requests (the conformance runner waits for it).
export function healthBody(startedAt: Date): string {
  return JSON.stringify({ status: 'ok', startedAt: startedAt.toISOString() })
}
