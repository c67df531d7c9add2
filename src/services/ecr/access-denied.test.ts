import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AuthorizationOutcome } from '../../dispatch/index.js'
import { ecrAccessDeniedMessage } from './access-denied.js'

const outcome = (resource: string) => ({ requirement: { action: 'ecr:GetAuthorizationToken', resource } }) as unknown as AuthorizationOutcome
const user = 'User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: ecr:GetAuthorizationToken'

test('a `*` resource is named, as ECR prints it', () => {
  assert.equal(
    ecrAccessDeniedMessage(`${user} because no identity-based policy allows the ecr:GetAuthorizationToken action`, outcome('*')),
    `${user} on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action`,
  )
})

test('messages that already name a resource are kept', () => {
  const text = `${user} on resource: arn:aws:ecr:us-east-1:111122223333:repository/app because no identity-based policy allows it`
  assert.equal(ecrAccessDeniedMessage(text, outcome('arn:aws:ecr:us-east-1:111122223333:repository/app')), text)
})
