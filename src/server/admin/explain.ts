//! GET /_taskrole/explain/<event-id> and /_taskrole/explain?last-denied: an audit event with its decision's explanation.
import { expandDecisionRecord, type DecisionRecord } from '../../dispatch/index.js'
import type { Store } from '../../store/index.js'

export function explainBody(store: Store, eventId: string | 'last-denied'): { status: number; body: string } {
  const row = eventId === 'last-denied' ? store.audit.lastDenied() : store.audit.byId(eventId)
  if (!row) {
    const message = eventId === 'last-denied' ? 'no denied call has been recorded' : `no event with id \`${eventId}\``
    return { status: 404, body: JSON.stringify({ message }) }
  }
  return {
    status: 200,
    body: JSON.stringify({
      eventId: row.eventId,
      eventTime: new Date(row.eventTime).toISOString(),
      eventSource: row.eventSource,
      eventName: row.eventName,
      decision: row.decision,
      record: JSON.parse(row.record),
      decisions: row.explanation ? (JSON.parse(row.explanation) as DecisionRecord[]).map(expandDecisionRecord) : [],
    }),
  }
}
