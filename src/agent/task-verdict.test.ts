//! When the containers make a task stop, RUNNING, or neither yet.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TaskDefinitionRecord } from '../store/index.js'
import type { ContainerState } from './agent-records.js'
import { taskVerdict } from './task-verdict.js'

const definition = {
  containerDefinitions: [
    { name: 'app', image: 'x' },
    { name: 'init', image: 'x', essential: false },
  ],
} as unknown as TaskDefinitionRecord

const state = (app: Partial<ContainerState>, init: Partial<ContainerState>) =>
  [{ name: 'app', ...app }, { name: 'init', ...init }] as ContainerState[]

test('RUNNING once every container runs or has finished; stop once an essential one exited', () => {
  assert.equal(taskVerdict(definition, state({}, {})), 'waiting')
  assert.equal(taskVerdict(definition, state({ startedAt: 't' }, {})), 'waiting')
  assert.equal(taskVerdict(definition, state({ startedAt: 't' }, { startedAt: 't', exited: true })), 'running')
  assert.equal(taskVerdict(definition, state({}, { exited: true })), 'waiting')
  assert.equal(taskVerdict(definition, state({ startedAt: 't', exited: true }, { startedAt: 't' })), 'stop')
})
