import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { ContainerStartError, type ContainerSpec } from './container-runtime.js'
import { createProcessRuntime, resolveExecutable } from './process-runtime.js'

const dir = mkdtempSync(join(tmpdir(), 'taskrole-runtime-'))
after(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
function spec(argv: string[], env: Record<string, string> = { PATH: process.env.PATH! }): ContainerSpec {
  n += 1
  return { argv, env, cwd: dir, outputPath: join(dir, `out-${n}.log`), exitCodePath: join(dir, `exit-${n}`) }
}

test('exec form: arguments reach the program verbatim, no shell expands them', async () => {
  const runtime = createProcessRuntime()
  const s = spec([process.execPath, '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '$HOME', 'a b', '"q"', '*', '`id`'])
  const handle = await runtime.start(s)
  assert.equal((await runtime.wait(handle)).exitCode, 0)
  assert.deepEqual(JSON.parse(readFileSync(runtime.output(handle), 'utf8')), ['$HOME', 'a b', '"q"', '*', '`id`'])
  runtime.close()
})

test('the environment is exactly the spec (the wrapper shell adds nothing, not even PWD)', async () => {
  const runtime = createProcessRuntime()
  const env = { PATH: process.env.PATH!, HOME: dir, ONLY: 'this' }
  const handle = await runtime.start(spec([process.execPath, '-e', 'console.log(JSON.stringify(process.env))'], env))
  assert.equal((await runtime.wait(handle)).exitCode, 0)
  assert.deepEqual(JSON.parse(readFileSync(handle.outputPath, 'utf8')), env)
  runtime.close()
})

test('stdout and stderr go to the same file in the order written; the exit code is in the exit file', async () => {
  const runtime = createProcessRuntime()
  const handle = await runtime.start(spec(['sh', '-c', 'echo one; echo two >&2; echo three; exit 7']))
  assert.equal((await runtime.wait(handle)).exitCode, 7)
  assert.equal(readFileSync(handle.outputPath, 'utf8'), 'one\ntwo\nthree\n')
  assert.equal(readFileSync(handle.exitCodePath, 'utf8').trim(), '7')
  runtime.close()
})

test('SIGTERM to the group: the command dies (143) and the wrapper still records it', async () => {
  const runtime = createProcessRuntime()
  const handle = await runtime.start(spec(['sleep', '30']))
  assert.equal(runtime.isRunning(handle), true)
  await runtime.stop(handle, 'SIGTERM')
  assert.deepEqual(await runtime.wait(handle), { exitCode: 143, late: false })
  assert.equal(runtime.isRunning(handle), false)
  runtime.close()
})

test('SIGKILL kills the wrapper too: 137 as a shell would report it', async () => {
  const runtime = createProcessRuntime()
  const handle = await runtime.start(spec(['sh', '-c', 'trap "" TERM; sleep 30']))
  await runtime.stop(handle, 'SIGKILL')
  assert.equal((await runtime.wait(handle)).exitCode, 137)
  runtime.close()
})

test('a runtime that did not start the process (taskrole restarted) still learns its exit code', async () => {
  const first = createProcessRuntime()
  const handle = await first.start(spec(['sh', '-c', 'sleep 0.4; exit 3']))
  first.close()
  const second = createProcessRuntime()
  assert.equal(second.isRunning(handle), true)
  assert.deepEqual(await second.wait(handle), { exitCode: 3, late: false })
  assert.equal(second.isRunning(handle), false)
  second.close()
})

test('a pid whose start time differs is not our process', async () => {
  const runtime = createProcessRuntime()
  const handle = await runtime.start(spec(['sleep', '5']))
  assert.equal(runtime.isRunning({ ...handle, startTime: '1' }), false)
  await runtime.stop(handle, 'SIGKILL')
  await runtime.wait(handle)
  runtime.close()
})

test('an unknown executable is ECS CannotStartContainerError, and builtins are never used instead of programs', () => {
  assert.throws(
    () => resolveExecutable('no-such-program-xyz', process.env.PATH!, dir),
    (error: unknown) =>
      error instanceof ContainerStartError &&
      error.reason.startsWith('CannotStartContainerError: ') &&
      error.reason.includes('exec: "no-such-program-xyz": executable file not found in $PATH'),
  )
  assert.match(resolveExecutable('echo', process.env.PATH!, dir), /^\/.*\/echo$/)
})

test('a program found once is found again where it is now: removed, the next directory of PATH has it; gone, the error', () => {
  const first = mkdtempSync(join(tmpdir(), 'taskrole-path-a-'))
  const second = mkdtempSync(join(tmpdir(), 'taskrole-path-b-'))
  const notExecutable = join(first, 'tool')
  writeFileSync(notExecutable, 'not a program')
  writeFileSync(join(second, 'tool'), '#!/bin/sh\n', { mode: 0o755 })
  const path = `${first}:${second}`
  // A file that may not be executed is passed over, as a shell's PATH search does.
  assert.equal(resolveExecutable('tool', path, dir), join(second, 'tool'))
  rmSync(notExecutable)
  writeFileSync(join(first, 'tool'), '#!/bin/sh\n', { mode: 0o755 })
  // Still the remembered one while it exists (PATH order is not searched again for every container), from any
  // container's working directory: with an absolute PATH, where a container runs changes nothing.
  assert.equal(resolveExecutable('tool', path, dir), join(second, 'tool'))
  assert.equal(resolveExecutable('tool', path, join(dir, 'another-container')), join(second, 'tool'))
  rmSync(join(second, 'tool'))
  assert.equal(resolveExecutable('tool', path, dir), join(first, 'tool'))
  rmSync(join(first, 'tool'))
  assert.throws(() => resolveExecutable('tool', path, dir), ContainerStartError)
  rmSync(first, { recursive: true })
  rmSync(second, { recursive: true })
})

test('a container that exited while nobody watched is reported late (its group id is no longer ours)', async () => {
  const first = createProcessRuntime()
  const handle = await first.start(spec(['sh', '-c', 'exit 4']))
  await first.wait(handle)
  first.close()
  const second = createProcessRuntime()
  assert.deepEqual(await second.wait(handle), { exitCode: 4, late: true })
  second.close()
})

test('drain waits until every process of the container is gone', async () => {
  const runtime = createProcessRuntime()
  const handle = await runtime.start(spec(['sh', '-c', 'sleep 0.3 & exit 0']))
  assert.equal((await runtime.wait(handle)).exitCode, 0)
  const started = Date.now()
  await runtime.drain(handle, 5_000)
  assert.ok(Date.now() - started >= 150, 'the background sleep was waited for')
  runtime.close()
})

test('a SIGTERM sent right after start, before the command even ran, still stops the container', async () => {
  const runtime = createProcessRuntime()
  for (let i = 0; i < 30; i++) {
    const handle = await runtime.start(spec(['sleep', '30']))
    void runtime.stop(handle, 'SIGTERM')
    const exit = await Promise.race([runtime.wait(handle), new Promise((resolve) => setTimeout(() => resolve('hung'), 3_000))])
    assert.deepEqual(exit, { exitCode: 143, late: false })
  }
  runtime.close()
})
