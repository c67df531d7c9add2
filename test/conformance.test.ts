//! The acceptance bar: ../shared/conformance scenarios replayed with the real aws CLI against a fresh taskrole.
//! Every scenario listed here passes and must keep passing; a scenario joins the list when its issue lands.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { CLI, REPO_ROOT } from './support/start-taskrole.js'

// ../shared/conformance/run, beside the repository as in CI.
const RUNNER = join(REPO_ROOT, '../shared/conformance/run')
const PASSING = (process.env.TASKROLE_CONFORMANCE ?? '01 02 03 04 05 06 07 08 09 10 11 12').split(/[ ,]+/).filter(Boolean)

test(`conformance scenarios ${PASSING.join(' ')} pass against a fresh taskrole`, { timeout: 45 * 60_000 }, () => {
  assert.ok(existsSync(RUNNER), `the conformance runner is missing at ${RUNNER}`)
  const result = spawnSync(RUNNER, ['--cmd', `node ${CLI}`, '--timeout', process.env.TASKROLE_SCENARIO_TIMEOUT ?? '400', ...PASSING], { encoding: 'utf8', timeout: 45 * 60_000 })
  process.stdout.write(result.stdout.split('\n').map((line) => `# ${line}`).join('\n') + '\n')
  assert.equal(result.status, 0, `conformance failed:\n${result.stdout}\n${result.stderr}`)
  assert.match(result.stdout, new RegExp(`^${PASSING.length} passed, 0 failed$`, 'm'))
})
