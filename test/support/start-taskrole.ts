//! Starts the real taskrole CLI (dist/cli.js) on a free loopback port with a fresh data dir; stops it by PID.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clientTools } from './client-tools.js'

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const CLI = join(REPO_ROOT, 'dist', 'cli.js')

export interface StartOptions {
  enforcement?: 'enforce' | 'audit' | 'off'
  extraArgs?: string[]
  env?: Record<string, string>
  /** Reuse a data dir (restart tests); a fresh temporary one otherwise. */
  dataDir?: string
}

export interface TaskroleProcess {
  endpoint: string
  port: number
  dataDir: string
  readonly pid: number
  /** Everything the server printed on stderr so far. */
  output(): string
  /** Resets (ending the containers it runs), SIGTERM, waits for exit; removes the data dir unless it was given. */
  stop(): Promise<void>
  /** SIGTERM (or SIGKILL with hard), then start again on the same port and data dir. */
  restart(options?: { hard?: boolean }): Promise<void>
}

export async function startTaskrole(options: StartOptions = {}): Promise<TaskroleProcess> {
  const ownDataDir = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'taskrole-test-'))
  let log = ''
  let child: ChildProcess
  let port = 0

  const launch = async (wantedPort: number) => {
    const args = [CLI, 'start', '--port', String(wantedPort), '--data-dir', dataDir]
    if (options.enforcement) args.push('--enforcement', options.enforcement)
    args.push(...(options.extraArgs ?? []))
    child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PATH: clientTools().path, ...options.env } })
    port = await new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => reject(new Error(`taskrole did not start in 15 s:\n${log}`)), 15_000)
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString()
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log)
        if (match) {
          clearTimeout(timer)
          resolvePort(Number(match[1]))
        }
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`taskrole exited with ${code} before listening:\n${log}`))
      })
    })
  }

  const terminate = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  await launch(0)
  const handle: TaskroleProcess = {
    get endpoint() {
      return `http://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    dataDir,
    get pid() {
      return child.pid!
    },
    output: () => log,
    async stop() {
      // Containers outlive a taskrole restart by design; a reset ends the ones this test started.
      if (child.exitCode === null && child.signalCode === null) {
        await fetch(`http://127.0.0.1:${port}/_taskrole/reset`, { method: 'POST' }).catch(() => undefined)
      }
      await terminate('SIGTERM')
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
    async restart(restartOptions = {}) {
      const samePort = port
      await terminate(restartOptions.hard ? 'SIGKILL' : 'SIGTERM')
      await launch(samePort)
    },
  } as TaskroleProcess
  return handle
}
