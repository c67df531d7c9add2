import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cloudTrailDate, sessionExpiry } from './session-credentials.js'

test('CloudTrail writes STS expirations in its own twelve-hour form', () => {
  assert.equal(cloudTrailDate(new Date('2018-11-29T04:31:59Z')), 'Nov 29, 2018 4:31:59 AM')
  assert.equal(cloudTrailDate(new Date('2014-07-18T16:07:39Z')), 'Jul 18, 2014 4:07:39 PM')
  assert.equal(cloudTrailDate(new Date('2020-01-01T00:05:09Z')), 'Jan 1, 2020 12:05:09 AM')
  assert.equal(cloudTrailDate(new Date('2020-01-01T12:00:00Z')), 'Jan 1, 2020 12:00:00 PM')
})

test('session expiry is a whole second', () => {
  assert.equal(sessionExpiry(new Date('2025-01-01T00:00:00.999Z'), 900).toISOString(), '2025-01-01T00:15:00.000Z')
})
