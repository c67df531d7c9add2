// Java regular expressions from the models, checked the way AWS checks them (whole-value match).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { compileJavaPattern } from './compiled-shape.js'

test('patterns must match the whole value', () => {
  const roleName = compileJavaPattern('[\\w+=,.@-]+')!
  assert.equal(roleName.test('my-role'), true)
  assert.equal(roleName.test('my role'), false)
})

test('Unicode classes (\\p{L}) need the u flag; identity escapes the u flag rejects (\\:) still compile', () => {
  const tag = compileJavaPattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+')!
  assert.equal(tag.test('Équipe 1'), true)
  assert.equal(tag.test('a#b'), false)
  const federated = compileJavaPattern('[\\w+=,.@\\:-]*')!
  assert.equal(federated.test('user:1'), true)
})

test('leading inline flags (?i) and (?s) become RegExp flags', () => {
  const account = compileJavaPattern('(?i)all|[0-9]{12}')!
  assert.equal(account.test('ALL'), true)
  assert.equal(account.test('111122223333'), true)
  assert.equal(account.test('1111'), false)
  assert.equal(compileJavaPattern('(?s).*')!.test('a\nb'), true)
})
