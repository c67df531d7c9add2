//! Compilation never throws, indexes statements by service, honours Version for variables.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compilePolicy } from './compile-policy.js'

const source = { id: 'p', type: 'IAM Policy' }

test('never throws: text that is not a policy compiles to a policy that matches nothing', () => {
  for (const text of ['', 'null', '[]', '"x"', '{"Statement": 5}', '{"Statement": [1, "a", null]}', '{"Statement": {"Effect": 3, "Action": {}, "Resource": [1], "Condition": "x", "Principal": 7}}']) {
    const compiled = compilePolicy(text, source)
    assert.ok(compiled.statements.every((statement) => statement.problem !== undefined || statement.actions.exact.size === 0), text)
  }
  assert.ok(compilePolicy('nope', source).problem)
})

test('statements are indexed by the service of their actions', () => {
  const compiled = compilePolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'logs:PutLogEvents'], Resource: '*' },
        { Effect: 'Allow', Action: 'S3:Get*', Resource: '*' },
        { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ],
    }),
    source,
  )
  assert.deepEqual(compiled.statementsForService('ecr'), [0, 2, 3])
  assert.deepEqual(compiled.statementsForService('s3'), [1, 2, 3])
  assert.deepEqual(compiled.statementsForService('sqs'), [2, 3])
})

test('the Version decides whether ${…} is a variable', () => {
  const statement = (version?: string) =>
    compilePolicy(JSON.stringify({ ...(version ? { Version: version } : {}), Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}' }] }), source).statements[0]!
  assert.equal(statement('2012-10-17').resources!.templates.length, 1)
  assert.equal(statement('2008-10-17').resources!.templates.length, 0)
  assert.equal(statement().resources!.patterns.length, 1)
})

test('statements keep their Sid, effect and span', () => {
  const compiled = compilePolicy('{"Statement":[\n {"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"}]}', source)
  const [statement] = compiled.statements
  assert.equal(statement!.sid, 'A')
  assert.equal(statement!.effect, 'Deny')
  assert.deepEqual(statement!.span.start, { line: 2, column: 2 })
})
