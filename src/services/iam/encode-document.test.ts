//! Unit tests of encode-document.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { encodeDocument } from './encode-document.js'

test('everything outside RFC 3986 unreserved characters is percent-encoded, spaces as %20', () => {
  assert.equal(encodeDocument('{"a": "b*(c)!\'~._-"}\n'), '%7B%22a%22%3A%20%22b%2A%28c%29%21%27~._-%22%7D%0A')
})

test('decoding gives back the text as stored, byte for byte', () => {
  const text = '{\n\t"Version": "2012-10-17", "Statement": [{"Resource": "arn:aws:s3:::b/é"}]\n}'
  assert.equal(decodeURIComponent(encodeDocument(text)), text)
})
