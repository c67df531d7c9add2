//! The form parameters of a query/ec2 request (URL query string plus a form-encoded body), as a flat map and as a
//! tree split on '.', parsed once per request and shared by identify and parse.
import type { RawHttpRequest } from '../protocol-types.js'

/** `Tags.member.1.Key=a` becomes root -> Tags -> member -> 1 -> Key with value 'a'. */
export interface FormNode {
  value?: string
  children?: Map<string, FormNode>
}

export interface FormParams {
  readonly flat: ReadonlyMap<string, string>
  readonly tree: FormNode
}

const parsed = new WeakMap<RawHttpRequest, FormParams>()

export function formParams(request: RawHttpRequest): FormParams {
  let params = parsed.get(request)
  if (!params) {
    params = parseForm(request)
    parsed.set(request, params)
  }
  return params
}

function parseForm(request: RawHttpRequest): FormParams {
  const flat = new Map<string, string>()
  if (request.query) decodeInto(flat, request.query)
  if (hasFormBody(request)) decodeInto(flat, request.body.toString('utf8'))
  const tree: FormNode = {}
  for (const [key, value] of flat) {
    let node = tree
    for (const part of key.split('.')) {
      node.children ??= new Map()
      let child = node.children.get(part)
      if (!child) {
        child = {}
        node.children.set(part, child)
      }
      node = child
    }
    node.value = value
  }
  return { flat, tree }
}

/** application/x-www-form-urlencoded, by hand: URLSearchParams costs several µs per request on this hot path. */
function decodeInto(flat: Map<string, string>, text: string): void {
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('&', start)
    if (end < 0) end = text.length
    if (end > start) {
      const eq = text.indexOf('=', start)
      const split = eq >= 0 && eq < end
      flat.set(decodeComponent(text.slice(start, split ? eq : end)), split ? decodeComponent(text.slice(eq + 1, end)) : '')
    }
    start = end + 1
  }
}

function decodeComponent(part: string): string {
  if (part.indexOf('%') < 0 && part.indexOf('+') < 0) return part
  const spaced = part.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    // Malformed escapes pass through as text, as URLSearchParams does.
    return spaced
  }
}

function hasFormBody(request: RawHttpRequest): boolean {
  if (request.body.length === 0) return false
  const type = request.headers['content-type']
  return type === undefined || type.includes('application/x-www-form-urlencoded')
}
