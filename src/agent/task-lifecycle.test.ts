import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TaskRecord } from '../store/index.js'
import { advanceTask, requestStop } from './task-lifecycle.js'

function task(): TaskRecord {
  return {
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    attachments: [{ type: 'ElasticNetworkInterface', status: 'PRECREATED' }],
    containers: [],
  } as unknown as TaskRecord
}

test('statuses only move forward, stamping the times ECS reports', () => {
  const t = task()
  assert.equal(advanceTask(t, 'PENDING', new Date('2025-01-01T00:00:01Z')), true)
  assert.equal((t.attachments[0] as any).status, 'ATTACHED')
  assert.equal(advanceTask(t, 'RUNNING', new Date('2025-01-01T00:00:02Z')), true)
  assert.equal(t.startedAt, '2025-01-01T00:00:02.000Z')
  assert.equal(advanceTask(t, 'PENDING', new Date('2025-01-01T00:00:03Z')), false)
  assert.equal(t.lastStatus, 'RUNNING')
  assert.equal(advanceTask(t, 'STOPPED', new Date('2025-01-01T00:00:04Z')), true)
  assert.equal(t.stoppedAt, '2025-01-01T00:00:04.000Z')
  assert.equal(t.stoppingAt, '2025-01-01T00:00:04.000Z')
  assert.equal(t.desiredStatus, 'STOPPED')
  assert.equal((t.attachments[0] as any).status, 'DELETED')
})

test('the first stop reason wins: a StopTask reason is not replaced by the exit it causes', () => {
  const t = task()
  requestStop(t, 'UserInitiated', 'restart test finished', new Date())
  requestStop(t, 'EssentialContainerExited', 'Essential container in task exited', new Date())
  assert.equal(t.stopCode, 'UserInitiated')
  assert.equal(t.stoppedReason, 'restart test finished')
  assert.equal(t.desiredStatus, 'STOPPED')
})
