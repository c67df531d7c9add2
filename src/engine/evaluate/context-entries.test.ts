//! IAM simulate ContextEntries to a typed request context.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { contextFromEntries } from './context-entries.js'

test('ContextEntries become typed context values', () => {
  assert.deepEqual(
    contextFromEntries([
      { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['203.0.113.9'], ContextKeyType: 'ip' },
      { ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['team', 'env'], ContextKeyType: 'stringList' },
      { ContextKeyName: 's3:max-keys', ContextKeyValues: ['10'], ContextKeyType: 'numeric' },
      { ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['TRUE'], ContextKeyType: 'boolean' },
      { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2024-01-01T00:00:00Z'], ContextKeyType: 'date' },
      { ContextKeyName: 'custom:list', ContextKeyValues: ['a', 'b'] },
      { ContextKeyValues: ['ignored'] },
    ]),
    {
      'aws:SourceIp': '203.0.113.9',
      'aws:TagKeys': ['team', 'env'],
      's3:max-keys': 10,
      'aws:SecureTransport': true,
      'aws:CurrentTime': '2024-01-01T00:00:00Z',
      'custom:list': ['a', 'b'],
    },
  )
})
