//! Revoking: the id is forgotten and its record deleted, once; ids loaded after a restart are revoked the same way.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { systemClock } from '../../aws/index.js'
import { openStore, type Collection } from '../../store/index.js'
import { agentRecords, type CredentialsRecord } from '../agent-records.js'
import { createAgentAwsClient } from '../aws-client.js'
import { createFakeAws } from '../testing/fake-aws.js'
import { TaskCredentials } from './task-credentials.js'

const request = {
  taskArn: 'arn:aws:ecs:us-east-1:111122223333:task/default/0123456789abcdef0123456789abcdef',
  accountId: '111122223333',
  region: 'us-east-1',
  sessionName: '0123456789abcdef0123456789abcdef',
  roleArn: 'arn:aws:iam::111122223333:role/app',
  roleType: 'TaskApplication',
} as const

test('revoke deletes the stored record once; revoking again (the runner does on stop and on forget) writes nothing', () => {
  const store = openStore(':memory:')
  const stored = agentRecords(store).credentials
  let deletes = 0
  const records: Collection<CredentialsRecord> = { ...stored, delete: (scope, key) => (deletes++, stored.delete(scope, key)) }
  const options = { records, aws: createAgentAwsClient(createFakeAws(store, systemClock).dispatcher), clock: systemClock, lifetimeSeconds: 21600, log: () => {} }
  const credentials = new TaskCredentials(options)
  const issued = credentials.issue(request)
  const kept = credentials.issue(request)
  credentials.revoke(issued.credentialsId)
  credentials.revoke(issued.credentialsId)
  credentials.revoke(undefined)
  assert.equal(credentials.get(issued.credentialsId), undefined)
  assert.deepEqual(stored.scan().map((row) => row.key), [kept.credentialsId])
  assert.equal(deletes, 1)
  credentials.close()

  // After a restart every stored id is loaded, so revoking one deletes its record.
  const restarted = new TaskCredentials(options)
  restarted.load()
  assert.ok(restarted.get(kept.credentialsId)?.body)
  restarted.revoke(kept.credentialsId)
  assert.deepEqual(stored.scan(), [])
  assert.equal(deletes, 2)
  restarted.close()
})
