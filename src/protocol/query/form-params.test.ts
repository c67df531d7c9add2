// Form decoding for query/ec2 requests: the URL query string and the form body, decoded once per request.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { RawHttpRequest } from '../protocol-types.js'
import { formParams } from './form-params.js'

const request = (query: string, body: string, contentType?: string): RawHttpRequest => ({
  method: 'POST',
  path: '/',
  query,
  headers: contentType === undefined ? {} : { 'content-type': contentType },
  body: Buffer.from(body),
})

test('decodes like URLSearchParams: + is a space, %XX escapes, = inside values, keys without values', () => {
  const { flat } = formParams(request('', 'Doc=%7B%22a%22%3A+1%7D&Expr=a=b&Flag&&Bad=%zz&Plus=%2B', 'application/x-www-form-urlencoded; charset=utf-8'))
  assert.deepEqual([...flat], [
    ['Doc', '{"a": 1}'],
    ['Expr', 'a=b'],
    ['Flag', ''],
    ['Bad', '%zz'],
    ['Plus', '+'],
  ])
})

test('query string first, body wins on the same key; non-form bodies are not read', () => {
  assert.equal(formParams(request('Action=A&X=1', 'X=2', 'application/x-www-form-urlencoded')).flat.get('X'), '2')
  assert.equal(formParams(request('Action=A&X=1', 'X=2')).flat.get('X'), '2')
  assert.equal(formParams(request('X=1', '{"X":2}', 'application/x-amz-json-1.1')).flat.get('X'), '1')
})

test('the tree splits keys on dots; the same request is parsed once', () => {
  const raw = request('', 'Tags.member.1.Key=k&Tags.member.1.Value=v', 'application/x-www-form-urlencoded')
  const params = formParams(raw)
  assert.equal(params.tree.children?.get('Tags')?.children?.get('member')?.children?.get('1')?.children?.get('Key')?.value, 'k')
  assert.equal(formParams(raw), params)
})
