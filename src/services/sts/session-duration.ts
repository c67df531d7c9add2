//! How long a session lasts: AssumeRole's DurationSeconds against the role's MaxSessionDuration and the role-chaining
//! cap, GetSessionToken's default and the root user's one-hour limit (STS API Reference, AssumeRole and GetSessionToken).
import type { Principal } from '../../auth/index.js'
import type { RoleRecord } from '../../store/index.js'
import { durationExceedsChainingLimit, durationExceedsMaxSessionDuration } from './errors.js'

const ONE_HOUR = 3_600
const TWELVE_HOURS = 43_200

/** AssumeRole's session length in seconds; the model has already checked 900…43,200. */
export function assumeRoleDuration(requested: number | undefined, caller: Principal, role: RoleRecord): number {
  const duration = requested ?? ONE_HOUR
  // A service assuming a role for a customer (ECS for task and execution roles) is not bound by the role's
  // MaxSessionDuration: ECS task credentials last six hours whatever the role says (ECS Developer Guide, task IAM role).
  if (caller.type === 'AWSService') return Math.min(duration, TWELVE_HOURS)
  // Credentials that are themselves temporary (a role session, or GetSessionToken's) make this role chaining,
  // capped at one hour regardless of MaxSessionDuration (IAM User Guide, "Role chaining").
  if (caller.session && duration > ONE_HOUR) throw durationExceedsChainingLimit()
  if (duration > role.maxSessionDuration) throw durationExceedsMaxSessionDuration()
  return duration
}

/** GetSessionToken: 12 hours by default; the root user's sessions last at most one hour, longer requests are
 *  shortened to one hour rather than refused (STS API Reference, GetSessionToken, DurationSeconds). */
export function sessionTokenDuration(requested: number | undefined, caller: Principal): number {
  if (caller.type === 'Root') return Math.min(requested ?? ONE_HOUR, ONE_HOUR)
  return requested ?? TWELVE_HOURS
}

/** Role chaining: a session created from a role session. */
export function isRoleChaining(caller: Principal): boolean {
  return caller.type === 'AssumedRole'
}
