//! Both launchers start a process the same way: exec form, exactly the environment given, a group of its own,
//! output appended to the file, the shell's exit status.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { createProcessLauncher } from './process-launcher.js'

const dir = mkdtempSync(join(tmpdir(), 'taskrole-launcher-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const pgidOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2])

/** The fork server's process leads its group a moment after its pid is known (setsid runs after the fork). */
async function leadsItsGroup(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && pgidOf(pid) !== pid; i++) await new Promise((resolve) => setTimeout(resolve, 5))
  return pgidOf(pid) === pid
}

for (const kind of ['fork-server', 'spawn'] as const) {
  test(`${kind}: exec form, exactly the given environment (newlines and quotes kept), own group, exit status`, async () => {
    const launcher = createProcessLauncher(kind)
    assert.equal(launcher.kind, kind)
    const outputPath = join(dir, `${kind}.log`)
    const env = { ONLY: "two\nlines, 'quoted' $NOT_EXPANDED", PATH: '/usr/bin:/bin' }
    const script = 'console.log(JSON.stringify({ argv: process.argv.slice(1), env: process.env })); setTimeout(() => process.exit(3), 200)'
    const launched = await launcher.launch({ argv: [process.execPath, '-e', script, 'a b', '*', '$HOME'], env, cwd: dir, outputPath })
    assert.ok(await leadsItsGroup(launched.pid), 'it leads its own process group')
    assert.equal(await launched.exit, 3)
    assert.deepEqual(JSON.parse(readFileSync(outputPath, 'utf8')), { argv: ['a b', '*', '$HOME'], env })
    launcher.close()
  })

  test(`${kind}: a process killed by a signal reports 128 + the signal, as a shell would`, async () => {
    const launcher = createProcessLauncher(kind)
    const launched = await launcher.launch({ argv: ['/bin/sleep', '30'], env: {}, cwd: dir, outputPath: join(dir, `${kind}-kill.log`) })
    assert.ok(await leadsItsGroup(launched.pid))
    process.kill(-launched.pid, 'SIGKILL')
    assert.equal(await launched.exit, 137)
    launcher.close()
  })
}

test('closing the fork server leaves what it started running', async () => {
  const launcher = createProcessLauncher('fork-server')
  const launched = await launcher.launch({ argv: ['/bin/sleep', '30'], env: {}, cwd: dir, outputPath: join(dir, 'survivor.log') })
  assert.ok(await leadsItsGroup(launched.pid))
  launcher.close()
  await new Promise((resolve) => setTimeout(resolve, 100))
  assert.doesNotThrow(() => process.kill(launched.pid, 0), 'still running after close')
  process.kill(-launched.pid, 'SIGKILL')
})
