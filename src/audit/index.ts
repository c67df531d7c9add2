//! The audit trail: CloudTrail-shaped events for every call, and the explanations of their decisions.
export { recordEvent, type CallRecord } from './record-event.js'
export { userIdentity, lookupUsername, isoSeconds } from './user-identity.js'
export { redact, HIDDEN } from './redact.js'
