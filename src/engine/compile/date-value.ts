//! Dates for the Date* operators (IAM User Guide, "Date condition operators"): W3C/ISO 8601 date-times
//! such as 2019-07-16T12:00:00Z, plain dates, or epoch seconds as aws:EpochTime gives them.

const ISO =
  /^(-?\d{1,9})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[tT](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?)?(?:([zZ])|([+-])(\d{2})(?::?(\d{2}))?)?$/

/** Milliseconds since the epoch, or undefined when the text is not a date IAM understands. */
export function parseDateValue(value: string | number | boolean): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined
  if (typeof value !== 'string') return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const match = ISO.exec(value)
  if (!match) return undefined
  const [, year, month, day, hour, minute, second, fraction, , sign, offsetHours, offsetMinutes] = match
  const monthNumber = month ? Number(month) : 1
  const dayNumber = day ? Number(day) : 1
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > 31) return undefined
  if (Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) return undefined
  const date = new Date(0)
  date.setUTCFullYear(Number(year), monthNumber - 1, dayNumber)
  date.setUTCHours(Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0)
  let time = date.getTime()
  if (sign) {
    const offset = (Number(offsetHours) * 60 + Number(offsetMinutes ?? 0)) * 60_000
    time += sign === '+' ? -offset : offset
  }
  return Number.isNaN(time) ? undefined : time
}
