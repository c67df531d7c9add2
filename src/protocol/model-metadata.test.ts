// The start-up path reads only each model's metadata block.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readModelMetadata } from './model-metadata.js'

test('reads metadata from the head of a real model', () => {
  const metadata = readModelMetadata(new URL('../../models/', import.meta.url).pathname, 'ecs')
  assert.equal(metadata.targetPrefix, 'AmazonEC2ContainerServiceV20141113')
  assert.equal(metadata.jsonVersion, '1.1')
  assert.equal(metadata.protocol, 'json')
})

test('braces inside strings do not end the block; metadata beyond the head falls back to a full parse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taskrole-models-'))
  try {
    writeFileSync(join(dir, 'braces.json'), JSON.stringify({ version: '2.0', metadata: { apiVersion: '2020-01-01', endpointPrefix: 'x', protocol: 'json', serviceId: 'a}b{' }, operations: {}, shapes: {} }))
    assert.equal(readModelMetadata(dir, 'braces').serviceId, 'a}b{')
    writeFileSync(join(dir, 'late.json'), JSON.stringify({ padding: 'p'.repeat(40_000), metadata: { apiVersion: '2020-01-01', endpointPrefix: 'y', protocol: 'query' } }))
    assert.equal(readModelMetadata(dir, 'late').endpointPrefix, 'y')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
