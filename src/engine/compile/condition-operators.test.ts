//! The condition operator table and operator-name parsing.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CONDITION_OPERATORS, parseOperatorName } from './condition-operators.js'

test('the table holds every operator family IAM documents', () => {
  const names = [...CONDITION_OPERATORS.keys()]
  assert.equal(names.length, 27)
  for (const name of ['StringEquals', 'StringNotLike', 'NumericGreaterThanEquals', 'DateNotEquals', 'Bool', 'BinaryEquals', 'NotIpAddress', 'ArnNotLike', 'Null']) {
    assert.ok(CONDITION_OPERATORS.has(name), name)
  }
})

test('negated operators are marked and share their positive twin comparison', () => {
  const negated = [...CONDITION_OPERATORS.values()].filter((op) => op.negated).map((op) => op.name)
  assert.deepEqual(negated.sort(), ['ArnNotEquals', 'ArnNotLike', 'DateNotEquals', 'NotIpAddress', 'NumericNotEquals', 'StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike'])
  const op = CONDITION_OPERATORS.get('StringNotEquals')!
  assert.equal(op.test(op.convert('a'), op.prepare('a')), true)
})

test('operator names: one qualifier prefix, one IfExists suffix, exact case', () => {
  assert.deepEqual(
    { ...parseOperatorName('ForAnyValue:StringEqualsIfExists'), operator: undefined },
    { qualifier: 'ForAnyValue', operator: undefined, base: 'StringEquals', ifExists: true },
  )
  assert.equal(parseOperatorName('ForAnyValue:StringEqualsIfExists').operator?.name, 'StringEquals')
  assert.equal(parseOperatorName('stringequals').operator, undefined)
  assert.equal(parseOperatorName('ForAnyValue::StringEquals').operator, undefined)
})

test('comparisons by family', () => {
  const check = (name: string, request: string | number | boolean, policy: string) => {
    const op = CONDITION_OPERATORS.get(name)!
    return op.test(op.convert(request), op.prepare(policy))
  }
  assert.ok(check('StringEqualsIgnoreCase', 'ABC', 'abc'))
  assert.ok(check('StringLike', 'team-a/web', 'team-?/*'))
  assert.ok(check('NumericLessThan', 9, '10'))
  assert.ok(!check('NumericLessThan', '', '10'))
  assert.ok(check('DateGreaterThan', '2021-01-01T00:00:00Z', '2020-12-31T23:59:59Z'))
  assert.ok(check('Bool', true, 'TRUE'))
  assert.ok(check('BinaryEquals', 'QmluYXJ5', 'QmluYXJ5'))
  assert.ok(check('IpAddress', '192.0.2.10', '192.0.2.0/24'))
  assert.ok(check('ArnLike', 'arn:aws:ecs:us-east-1:111122223333:task/x', 'arn:aws:ecs:*:111122223333:*'))
})
