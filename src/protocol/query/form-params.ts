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
  if (request.query) for (const [key, value] of new URLSearchParams(request.query)) flat.set(key, value)
  if (hasFormBody(request)) for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) flat.set(key, value)
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

function hasFormBody(request: RawHttpRequest): boolean {
  if (request.body.length === 0) return false
  const type = request.headers['content-type']
  return type === undefined || type.includes('application/x-www-form-urlencoded')
}
