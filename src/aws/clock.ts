//! Injectable time: services read it through the call context; tests freeze it; the engine never reads it.

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests can move by hand (credential rotation, expiry). */
export function manualClock(start: Date): Clock & { advance(ms: number): void; set(at: Date): void } {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms
    },
    set: (at: Date) => {
      current = at.getTime()
    },
  }
}
