//! The acceptance bar: ../shared/conformance scenarios replayed with the real aws CLI against a fresh taskrole.
//! Every scenario listed here passes and must keep passing; a scenario joins the list when its issue lands.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { clientTools } from './support/client-tools.js'
import { CLI, REPO_ROOT } from './support/start-taskrole.js'

// ../shared/conformance/run, beside the repository as in CI.
const RUNNER = join(REPO_ROOT, '../shared/conformance/run')
const PASSING = (process.env.TASKROLE_CONFORMANCE ?? '01 02 03 04 05 06 07 08 09 10 11 12').split(/[ ,]+/).filter(Boolean)
const TIMEOUT_MS = 45 * 60_000

/**
 * Seconds each scenario took with two runners on an otherwise idle 2-core CI machine; the runners get groups of
 * about equal total, so the long pole of the suite is as short as it can be. A scenario not listed counts as 30 s.
 */
const SECONDS: Record<string, number> = { '01': 15, '02': 15, '03': 20, '04': 15, '05': 14, '06': 21, '07': 28, '08': 31, '09': 30, '10': 30, '11': 17, '12': 25 }
const RUNNERS = Math.max(1, Number(process.env.TASKROLE_CONFORMANCE_RUNNERS ?? 2))

/** Longest first onto the least loaded runner; each group then runs in scenario order. */
function groups(scenarios: string[], count: number): string[][] {
  const load = Array.from({ length: Math.min(count, scenarios.length) }, () => ({ seconds: 0, scenarios: [] as string[] }))
  const weight = (s: string) => SECONDS[s.slice(0, 2)] ?? 30
  for (const scenario of [...scenarios].sort((a, b) => weight(b) - weight(a))) {
    const lightest = load.reduce((min, group) => (group.seconds < min.seconds ? group : min))
    lightest.seconds += weight(scenario)
    lightest.scenarios.push(scenario)
  }
  return load.map((group) => group.scenarios.sort())
}

interface RunnerResult {
  status: number | null
  signal: NodeJS.Signals | null
  output: string
}

/** One runner: its own taskrole on its own port and data dir, the scenarios one after another. */
function runScenarios(scenarios: string[]): Promise<RunnerResult> {
  return new Promise((resolve) => {
    const args = ['--cmd', `node ${CLI}`, '--timeout', process.env.TASKROLE_SCENARIO_TIMEOUT ?? '400', ...scenarios]
    // The real aws and python3 first on PATH: the scenarios' clients, the server and its containers skip pyenv's shims.
    const child = spawn(RUNNER, args, { env: { ...process.env, PATH: clientTools().path }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    // SIGTERM lets the runner stop its server (its EXIT trap) before it exits.
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS)
    child.on('close', (status, signal) => {
      clearTimeout(timer)
      resolve({ status, signal, output })
    })
  })
}

test(`conformance scenarios ${PASSING.join(' ')} pass against fresh taskrole servers`, { timeout: TIMEOUT_MS, concurrency: true }, async (t) => {
  assert.ok(existsSync(RUNNER), `the conformance runner is missing at ${RUNNER}`)
  const runners = groups(PASSING, RUNNERS)
  // Started together, each reported as its own subtest with that runner's output when it fails.
  await Promise.all(
    runners.map((scenarios) =>
      t.test(`runner for ${scenarios.join(' ')}`, async () => {
        const result = await runScenarios(scenarios)
        process.stdout.write(result.output.split('\n').map((line) => `# ${line}`).join('\n') + '\n')
        assert.equal(result.status, 0, `conformance failed (exit ${result.status ?? result.signal}):\n${result.output}`)
        assert.match(result.output, new RegExp(`^${scenarios.length} passed, 0 failed$`, 'm'), result.output)
      }),
    ),
  )
})
