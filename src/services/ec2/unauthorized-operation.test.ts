import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AuthorizationOutcome } from '../../dispatch/index.js'
import { encodeAuthorizationFailure, unauthorizedOperationMessage } from './unauthorized-operation.js'

const denial = 'User: arn:aws:iam::111122223333:user/dev is not authorized to perform: ec2:CreateVpc on resource: arn:aws:ec2:us-east-1:111122223333:vpc/* because no identity-based policy allows the ec2:CreateVpc action'
const outcome = {
  permitted: false,
  denialMessage: denial,
  requirement: { action: 'ec2:CreateVpc', resource: 'arn:aws:ec2:us-east-1:111122223333:vpc/*', context: { 'ec2:Region': 'us-east-1' } },
  decision: { decision: 'implicitDeny', matchedStatements: [], missingContextValues: [] },
} as unknown as AuthorizationOutcome

test("EC2's UnauthorizedOperation message: the fixed sentence, the enriched denial, the encoded message", () => {
  const message = unauthorizedOperationMessage(denial, outcome)
  assert.ok(message.startsWith(`You are not authorized to perform this operation. ${denial}. Encoded authorization failure message: `))
  assert.equal(unauthorizedOperationMessage(denial), `You are not authorized to perform this operation. ${denial}`)
})

test('the encoded message decodes to the shape sts:DecodeAuthorizationMessage answers', () => {
  const decoded = JSON.parse(Buffer.from(encodeAuthorizationFailure(outcome), 'base64url').toString('utf8'))
  assert.equal(decoded.allowed, false)
  assert.equal(decoded.explicitDeny, false)
  assert.equal(decoded.context.action, 'ec2:CreateVpc')
  assert.deepEqual(decoded.context.conditions.items, [{ key: 'ec2:Region', values: { items: [{ value: 'us-east-1' }] } }])
})
