//! Segment-by-segment ARN patterns and ARN templates with policy variables.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { arnTarget, compileArnMatcher, compileArnTemplate, splitArn } from './arn-pattern.js'

const matches = (pattern: string, arn: string) => compileArnMatcher(pattern).matches(arnTarget(arn))

test('splits into partition, service, region, account and the rest', () => {
  assert.deepEqual(splitArn('arn:aws:logs:us-east-1:111122223333:log-group:/ecs/x:*'), ['aws', 'logs', 'us-east-1', '111122223333', 'log-group:/ecs/x:*'])
  assert.equal(splitArn('arn:aws:s3'), undefined)
  assert.equal(splitArn('*'), undefined)
})

test('each of the first parts matches on its own; the resource part crosses / and :', () => {
  assert.ok(matches('arn:aws:ecr:*:111122223333:repository/*', 'arn:aws:ecr:eu-west-1:111122223333:repository/team/web'))
  assert.ok(!matches('arn:aws:ecr:*:111122223333:repository/*', 'arn:aws:ecr:eu-west-1:444455556666:repository/web'))
  assert.ok(!matches('arn:aws:ecr:us-*:*', 'arn:aws:ecr:eu-west-1:111122223333:repository/web'))
  assert.ok(matches('arn:aws:logs:*:*:log-group:/ecs/*', 'arn:aws:logs:us-east-1:1:log-group:/ecs/a:log-stream:b'))
})

test('missing trailing parts act as *', () => {
  assert.ok(matches('arn:aws:sqs', 'arn:aws:sqs:us-east-1:111122223333:queue'))
  assert.ok(!matches('arn:aws:sqs', 'arn:aws:sns:us-east-1:111122223333:topic'))
})

test('exact patterns compare whole ARNs; "*" matches even non-ARNs', () => {
  assert.ok(matches('arn:aws:iam::111122223333:role/r', 'arn:aws:iam::111122223333:role/r'))
  assert.ok(!matches('arn:aws:iam::111122223333:role/r', 'arn:aws:iam::111122223333:role/R'))
  assert.ok(matches('*', '*'))
  assert.ok(!matches('arn:aws:s3:::*', '*'))
})

test('templates resolve only their variable parts, which may contain colons in ${…}', () => {
  const template = compileArnTemplate('arn:aws:s3:::home/${aws:username}/*')
  const resolve = (context: Record<string, string>) => ({ lookup: (_k: string, lower: string) => context[lower] })
  assert.ok(template.matches(arnTarget('arn:aws:s3:::home/Alice/a'), resolve({ 'aws:username': 'Alice' })))
  assert.ok(!template.matches(arnTarget('arn:aws:s3:::home/Bob/a'), resolve({ 'aws:username': 'Alice' })))
  assert.ok(!template.matches(arnTarget('arn:aws:s3:::home/Alice/a'), resolve({})))
  const account = compileArnTemplate('arn:aws:ecr:us-east-1:${aws:PrincipalAccount}:repository/*')
  assert.ok(account.matches(arnTarget('arn:aws:ecr:us-east-1:111122223333:repository/x'), resolve({ 'aws:principalaccount': '111122223333' })))
})
