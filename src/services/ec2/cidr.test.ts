import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cidrContains, cidrSize, cidrsOverlap, parseCidr } from './cidr.js'

test('parse, size and host bits', () => {
  assert.deepEqual(parseCidr('10.0.0.0/16'), { base: 0x0a000000, prefix: 16, hostBitsSet: false })
  assert.equal(parseCidr('10.0.0.1/16')?.hostBitsSet, true)
  assert.equal(cidrSize(parseCidr('10.0.1.0/24')!), 256)
  for (const bad of ['10.0.0.0', '10.0.0.256/24', '10.0.0.0/33', 'a.b.c.d/8', '10.0.0.0/-1']) assert.equal(parseCidr(bad), undefined, bad)
})

test('containment and overlap', () => {
  const vpc = parseCidr('10.0.0.0/16')!
  assert.ok(cidrContains(vpc, parseCidr('10.0.255.240/28')!))
  assert.ok(!cidrContains(vpc, parseCidr('10.1.0.0/24')!))
  assert.ok(!cidrContains(parseCidr('10.0.1.0/24')!, vpc))
  assert.ok(cidrsOverlap(parseCidr('10.0.1.0/24')!, parseCidr('10.0.1.128/25')!))
  assert.ok(!cidrsOverlap(parseCidr('10.0.1.0/24')!, parseCidr('10.0.2.0/24')!))
})
