//! What IAM's legacy parser rejects with "The policy failed legacy parsing": an Effect not spelled exactly
//! `Allow`/`Deny`, and Date* condition values that are neither ISO 8601 nor epoch seconds.
import { parseOperatorName } from '../compile/condition-operators.js'
import { hasKey, isJsonObject, type JsonObject } from './policy-document.js'

const MAX_EPOCH = 9223372036854775807n

export function legacyAcceptsStatement(statement: JsonObject): boolean {
  const effect = statement['Effect']
  if (effect !== 'Allow' && effect !== 'Deny') return false
  if (!hasKey(statement, 'Condition')) return true
  const condition = statement['Condition']
  if (!isJsonObject(condition)) return true
  for (const [operatorName, block] of Object.entries(condition)) {
    if (!parseOperatorName(operatorName).base.startsWith('Date') || !isJsonObject(block)) continue
    for (const entry of Object.values(block)) {
      const values = Array.isArray(entry) ? entry : [entry]
      if (!values.every((value) => legacyAcceptsDate(String(value)))) return false
    }
  }
  return true
}

/** Epoch seconds up to 2^63-1, or an ISO 8601 date-time within Java's year range. */
export function legacyAcceptsDate(value: string): boolean {
  const lower = value.toLowerCase()
  if (!lower.includes('t') && !value.includes('-')) return /^\d+$/.test(value) && BigInt(value) <= MAX_EPOCH
  const t = lower.indexOf('t')
  const datePart = t < 0 ? lower : lower.slice(0, t)
  const timePart = t < 0 ? '' : lower.slice(t + 1)
  return dateAccepted(datePart) && timeAccepted(timePart)
}

function dateAccepted(datePart: string): boolean {
  const negative = datePart.startsWith('-')
  const pieces = (negative ? datePart.slice(1) : datePart).split('-')
  if (pieces.length > 3) return false
  const [year, month, day] = pieces
  if (!isInteger(year) || !within(Number(year) * (negative ? -1 : 1), -292275054, 292278993)) return false
  if (month !== undefined && !(isInteger(month) && within(Number(month), 1, 12))) return false
  if (day !== undefined && !(isInteger(day) && within(Number(day), 1, 31))) return false
  return true
}

function timeAccepted(timePart: string): boolean {
  const pieces = timePart.split(':')
  const [hours, minutes, rest] = pieces
  if (hours !== undefined && hours !== '' && !(isInteger(hours) && within(Number(hours), 0, 23))) return false
  if (minutes !== undefined && !(isInteger(minutes) && within(Number(minutes), 0, 59))) return false
  if (rest === undefined) return true
  let seconds = rest
  if (rest.includes('z')) {
    seconds = rest.slice(0, rest.indexOf('z'))
    if (rest.slice(rest.indexOf('z') + 1) !== '') return false
  } else if (rest.includes('+')) {
    seconds = rest.slice(0, rest.indexOf('+'))
    const zoneHours = rest.slice(rest.indexOf('+') + 1)
    if (!/^\d{2}$/.test(zoneHours) || Number(zoneHours) > 23) return false
    // "+hh:mm" was split at its colon: the minutes are the next piece.
    const zoneMinutes = pieces[3]
    if (zoneMinutes !== undefined && !(/^\d{2}$/.test(zoneMinutes) && Number(zoneMinutes) <= 59)) return false
  }
  const dot = seconds.indexOf('.')
  const whole = dot < 0 ? seconds : seconds.slice(0, dot)
  if (!isInteger(whole) || !within(Number(whole), 0, 59)) return false
  if (dot >= 0) {
    const fraction = seconds.slice(dot + 1)
    if (!isInteger(fraction) || !within(Number(fraction), 0, 999999999)) return false
  }
  return true
}

function isInteger(text: string | undefined): text is string {
  return text !== undefined && /^[+-]?\d+$/.test(text)
}

function within(value: number, low: number, high: number): boolean {
  return value >= low && value <= high
}
