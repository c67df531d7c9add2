//! IPv4/IPv6 addresses and CIDR blocks.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cidrContains, parseCidr, parseIpAddress } from './ip-address.js'

const inside = (cidr: string, ip: string) => cidrContains(parseCidr(cidr)!, parseIpAddress(ip)!)

test('IPv4 blocks and bare addresses', () => {
  assert.ok(inside('203.0.113.0/24', '203.0.113.255'))
  assert.ok(!inside('203.0.113.0/24', '203.0.114.0'))
  assert.ok(inside('10.0.12.34', '10.0.12.34'))
  assert.ok(!inside('10.0.12.34', '10.0.12.35'))
  assert.ok(inside('0.0.0.0/0', '8.8.8.8'))
  assert.ok(inside('203.0.113.7/24', '203.0.113.1'), 'host bits in the policy are ignored')
})

test('IPv6 blocks, compressed forms and embedded IPv4', () => {
  assert.ok(inside('2001:DB8:1234:5678::/64', '2001:db8:1234:5678:ffff:ffff:ffff:ffff'))
  assert.ok(!inside('2001:DB8:1234:5678::/64', '2001:db8:1234:5679::'))
  assert.ok(inside('::/0', '::1'))
  assert.ok(inside('::ffff:0:0/96', '::ffff:192.0.2.1'))
  assert.equal(parseIpAddress('2001:db8::1')!.value, (0x20010db8n << 96n) | 1n)
})

test('the families never mix', () => {
  assert.ok(!inside('0.0.0.0/0', '::1'))
})

test('malformed addresses and blocks', () => {
  for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '1::2::3', '1:2:3:4:5:6:7:8:9', 'gggg::1', '']) assert.equal(parseIpAddress(bad), undefined, bad)
  for (const bad of ['10.0.0.0/33', '10.0.0.0/x', '::/129']) assert.equal(parseCidr(bad), undefined, bad)
})
