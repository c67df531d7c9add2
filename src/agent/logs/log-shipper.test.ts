import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { systemClock } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import { openStore } from '../../store/index.js'
import { agentRecords } from '../agent-records.js'
import { createAgentAwsClient } from '../aws-client.js'
import { createFakeAws } from '../testing/fake-aws.js'
import { LogShipper, splitLines } from './log-shipper.js'

const dir = mkdtempSync(join(tmpdir(), 'taskrole-logs-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test('splitLines: one event per line, the unterminated tail only when asked, offsets just past each line', () => {
  const chunk = Buffer.from('one\n\ntwo\r\nthr')
  assert.deepEqual(
    splitLines(chunk, 100, false).map((e) => [e.message, e.end]),
    [
      ['one', 104],
      ['', 105],
      ['two\r', 110],
    ],
  )
  assert.deepEqual(splitLines(chunk, 100, true).at(-1), { message: 'thr', bytes: 3, end: 113 })
  const long = splitLines(Buffer.alloc(300_000, 'x'), 0, true)
  assert.deepEqual(
    long.map((e) => e.bytes),
    [262_118, 300_000 - 262_118],
  )
})

function kit() {
  const store = openStore(':memory:')
  const aws = createFakeAws(store, systemClock)
  aws.groups.add('g')
  aws.streams.set('g/s', [])
  const principal: Principal = { type: 'Root', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root', userId: '111122223333', accessKeyId: 'x' }
  const offsets = agentRecords(store).logOffsets
  const shipper = () => new LogShipper({ aws: createAgentAwsClient(aws.dispatcher), store, offsets, clock: systemClock, log: () => {}, intervalMs: 10_000 })
  return { store, aws, principal, shipper, offsets }
}

test('ships complete lines, keeps a partial one until the final flush, and resumes from the stored offset', async () => {
  const { aws, principal, shipper, offsets } = kit()
  const path = join(dir, 'out-1.log')
  writeFileSync(path, 'alpha\nbeta\ngam')
  const output = { key: 'task#app', outputPath: path, group: 'g', stream: 's', region: 'us-east-1', principal: () => principal }
  const first = shipper()
  first.track(output)
  await first.flush('task#app', false)
  assert.deepEqual(aws.streams.get('g/s'), ['alpha', 'beta'])
  assert.equal(offsets.get('', 'task#app')!.offset, 11)
  await first.close()
  // A restart: a new shipper continues exactly where the last committed batch ended.
  appendFileSync(path, 'ma\ndelta')
  const second = shipper()
  second.track(output)
  await second.flush('task#app', false)
  assert.deepEqual(aws.streams.get('g/s'), ['alpha', 'beta', 'gamma'])
  await second.flush('task#app', true)
  assert.deepEqual(aws.streams.get('g/s'), ['alpha', 'beta', 'gamma', 'delta'])
  await second.flush('task#app', true)
  assert.equal(aws.streams.get('g/s')!.length, 4)
  second.untrack('task#app')
  assert.equal(offsets.get('', 'task#app'), undefined)
  await second.close()
})

test('a refused PutLogEvents is reported and dropped, so the task can stop', async () => {
  const { store, aws, principal, offsets } = kit()
  aws.deny.add('logs:PutLogEvents')
  const path = join(dir, 'out-2.log')
  writeFileSync(path, 'lost\n')
  const lines: string[] = []
  const s = new LogShipper({ aws: createAgentAwsClient(aws.dispatcher), store, offsets, clock: systemClock, log: (l) => lines.push(l), intervalMs: 10_000 })
  s.track({ key: 'k', outputPath: path, group: 'g', stream: 's', region: 'us-east-1', principal: () => principal })
  await s.flush('k', true)
  assert.deepEqual(aws.streams.get('g/s'), [])
  assert.match(lines[0]!, /PutLogEvents to g\/s failed, 1 lines dropped: AccessDeniedException/)
  assert.equal(offsets.get('', 'k')!.offset, 5)
  await s.close()
})

test('without an execution-role session at hand nothing is shipped and nothing is skipped', async () => {
  const { aws, principal, shipper, offsets } = kit()
  const path = join(dir, 'out-3.log')
  writeFileSync(path, 'kept\n')
  let session: Principal | undefined
  const s = shipper()
  s.track({ key: 'k3', outputPath: path, group: 'g', stream: 's', region: 'us-east-1', principal: () => session })
  await s.flush('k3', true)
  assert.deepEqual(aws.streams.get('g/s'), [])
  assert.equal(offsets.get('', 'k3'), undefined)
  session = principal
  await s.flush('k3', true)
  assert.deepEqual(aws.streams.get('g/s'), ['kept'])
  await s.close()
})
