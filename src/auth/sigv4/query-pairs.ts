//! Splits a raw query string into decoded name/value pairs, keeping repeats and order.

export type QueryPair = [name: string, value: string]

/** `a=1&b=x%20y` → [['a','1'],['b','x y']]. '+' is a space (form encoding); a bad escape is kept as sent. */
export function parseQueryPairs(query: string): QueryPair[] {
  const text = query.startsWith('?') ? query.slice(1) : query
  if (text === '') return []
  const pairs: QueryPair[] = []
  for (const part of text.split('&')) {
    if (part === '') continue
    const equals = part.indexOf('=')
    const name = equals < 0 ? part : part.slice(0, equals)
    const value = equals < 0 ? '' : part.slice(equals + 1)
    pairs.push([decode(name), decode(value)])
  }
  return pairs
}

function decode(text: string): string {
  if (!/[%+]/.test(text)) return text
  const spaced = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}
