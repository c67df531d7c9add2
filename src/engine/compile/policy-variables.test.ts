//! Policy variable parsing, substitution, defaults, escapes and literal marking.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ContextValue } from '../evaluate/authorization-request.js'
import { parseTemplate, resolveStatic, resolveTemplate } from './policy-variables.js'

const context: Record<string, ContextValue> = { 'aws:username': 'Alice', 'aws:principaltag/team': 'blue', 'aws:calledvia': ['a', 'b'], 'x:star': 'a*' }
const lookup = { lookup: (_key: string, keyLower: string) => context[keyLower] }

test('substitutes variables, case-insensitively by key', () => {
  const template = parseTemplate('home/${AWS:UserName}/${aws:PrincipalTag/Team}/*', true)
  assert.equal(template.hasVariables, true)
  assert.deepEqual(resolveTemplate(template, lookup), { text: 'home/Alice/blue/*', literal: undefined })
})

test('disabled (2008-10-17 or no Version): the text is literal', () => {
  const template = parseTemplate('home/${aws:username}', false)
  assert.equal(template.hasVariables, false)
  assert.equal(resolveStatic(template).text, 'home/${aws:username}')
})

test("a default after ', ' is used when the key is absent", () => {
  const template = parseTemplate("bucket-${aws:PrincipalTag/dept, 'company-wide'}", true)
  assert.equal(resolveTemplate(template, lookup)?.text, 'bucket-company-wide')
})

test('an absent key without default resolves to nothing and is reported', () => {
  const missing: string[] = []
  assert.equal(resolveTemplate(parseTemplate('${aws:PrincipalTag/dept}', true), { ...lookup, noteMissing: (key) => missing.push(key) }), undefined)
  assert.deepEqual(missing, ['aws:PrincipalTag/dept'])
})

test('a multivalued key cannot be substituted', () => {
  assert.equal(resolveTemplate(parseTemplate('${aws:CalledVia}', true), lookup), undefined)
})

test('escapes ${*} ${?} ${$} give literal characters, marked so they are not wildcards', () => {
  const resolved = resolveStatic(parseTemplate('a${*}b${?}c${$}', true))
  assert.equal(resolved.text, 'a*b?c$')
  assert.deepEqual([...resolved.literal!], [0, 1, 0, 1, 0, 0])
})

test('wildcards inside a substituted value are marked literal', () => {
  const resolved = resolveTemplate(parseTemplate('${x:star}/*', true), lookup)!
  assert.equal(resolved.text, 'a*/*')
  assert.deepEqual([...resolved.literal!], [1, 1, 0, 0])
})

test('malformed variables stay as written', () => {
  for (const text of ['${}', '${ aws:username}', '${aws:username', "${a, default}"]) {
    assert.equal(resolveStatic(parseTemplate(text, true)).text, text, text)
  }
})
