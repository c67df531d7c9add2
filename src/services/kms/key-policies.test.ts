import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defaultKeyPolicy, jacksonText, ssmManagedKeyPolicy } from './key-policies.js'

test('the default key policy is the text KMS writes, granting the account root kms:*', () => {
  assert.equal(
    defaultKeyPolicy('111122223333'),
    [
      '{',
      '  "Version" : "2012-10-17",',
      '  "Id" : "key-default-1",',
      '  "Statement" : [ {',
      '    "Sid" : "Enable IAM User Permissions",',
      '    "Effect" : "Allow",',
      '    "Principal" : {',
      '      "AWS" : "arn:aws:iam::111122223333:root"',
      '    },',
      '    "Action" : "kms:*",',
      '    "Resource" : "*"',
      '  } ]',
      '}',
    ].join('\n'),
  )
})

test('the aws/ssm policy lets the account use the key only through SSM in its Region', () => {
  const policy = JSON.parse(ssmManagedKeyPolicy('111122223333', 'eu-west-2'))
  assert.equal(policy.Id, 'auto-ssm-1')
  assert.deepEqual(policy.Statement[0].Principal, { AWS: '*' })
  assert.deepEqual(policy.Statement[0].Condition.StringEquals, {
    'kms:CallerAccount': '111122223333',
    'kms:ViaService': 'ssm.eu-west-2.amazonaws.com',
  })
  assert.deepEqual(policy.Statement[1].Action, ['kms:Describe*', 'kms:Get*', 'kms:List*'])
})

test('jackson text prints arrays inline and empty containers with a space', () => {
  assert.equal(jacksonText({ a: ['x', 'y'], b: {}, c: [] }), '{\n  "a" : [ "x", "y" ],\n  "b" : { },\n  "c" : [ ]\n}')
})
