//! GetRandomPassword (Secrets Manager API Reference): 32 characters by default from letters, digits and
//! punctuation, each included type at least once unless RequireEachIncludedType is false.
import { randomInt } from 'node:crypto'
import type { CallContext } from '../../dispatch/index.js'
import { invalidParameter } from './errors.js'

export interface RandomPasswordInput {
  PasswordLength?: number
  ExcludeCharacters?: string
  ExcludeNumbers?: boolean
  ExcludePunctuation?: boolean
  ExcludeUppercase?: boolean
  ExcludeLowercase?: boolean
  IncludeSpace?: boolean
  RequireEachIncludedType?: boolean
}

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'

export function getRandomPassword(input: RandomPasswordInput, ctx: CallContext) {
  const excluded = new Set(input.ExcludeCharacters ?? '')
  const keep = (chars: string) => [...chars].filter((char) => !excluded.has(char)).join('')
  const groups = [
    input.ExcludeLowercase ? '' : keep('abcdefghijklmnopqrstuvwxyz'),
    input.ExcludeUppercase ? '' : keep('ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    input.ExcludeNumbers ? '' : keep('0123456789'),
    input.ExcludePunctuation ? '' : keep(PUNCTUATION),
    input.IncludeSpace ? keep(' ') : '',
  ].filter((group) => group.length > 0)
  const length = input.PasswordLength ?? 32
  const requireEach = input.RequireEachIncludedType ?? true
  if (groups.length === 0 || (requireEach && length < groups.length)) {
    throw invalidParameter('Password length is too short based on the required types.')
  }
  const all = groups.join('')
  const chars = Array.from({ length }, () => all[randomInt(all.length)]!)
  if (requireEach) {
    const positions = new Set<number>()
    for (const group of groups) {
      let at = randomInt(length)
      while (positions.has(at)) at = randomInt(length)
      positions.add(at)
      chars[at] = group[randomInt(group.length)]!
    }
  }
  ctx.audit.responseElements = null
  return { RandomPassword: chars.join('') }
}
