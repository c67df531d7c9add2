import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { stsService } from './index.js'
import { policy, stsTestWorld, trust } from './sts-test-world.js'

const A = '111122223333'
const B = '555566667777'

test('GetAccessKeyInfo names the account of root, user and session keys', () => {
  const w = stsTestWorld({ services: [stsService] })
  const root = w.root(A)
  assert.deepEqual(w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: B }, root), { Account: B })
  const user = w.createUser(B, 'bob')
  assert.deepEqual(w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: user.accessKeyId }, root), { Account: B })
  const role = w.createRole(B, 'app', trust({ AWS: user.arn }))
  const key = w.call('sts', 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 's' }, user).Credentials.AccessKeyId
  assert.deepEqual(w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: key }, root), { Account: B })
  assert.throws(
    () => w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }, root),
    (error: unknown) => error instanceof AwsError && error.code === 'InvalidParameterValue',
  )
})

test('GetAccessKeyInfo needs sts:GetAccessKeyInfo', () => {
  const w = stsTestWorld({ services: [stsService] })
  const denied = w.createUser(A, 'nobody')
  assert.throws(
    () => w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: A }, denied),
    (error: unknown) =>
      error instanceof AwsError && error.code === 'AccessDenied' && error.message.startsWith(`User: ${denied.arn} is not authorized to perform: sts:GetAccessKeyInfo`),
  )
  const allowed = w.createUser(A, 'somebody', { p: policy('Allow', 'sts:GetAccessKeyInfo') })
  assert.deepEqual(w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: A }, allowed), { Account: A })
})
