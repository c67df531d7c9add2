//! Runs the real aws CLI (v1) and boto3 scripts for tests in forks of one interpreter per test process that imported them once.
// A fresh `aws` process costs ~0.85 s of CPU on the CI machines and `python3 -c` with boto3 ~0.4 s, most of it
// importing awscli, botocore and boto3 and parsing the same model files; a fork of client-fork-server.py runs the same
// `aws` script, or the same script, with the caller's argv, environment and stdio for ~0.2 s. Where the aws CLI is
// not a Python script (CLI v2), or TASKROLE_TEST_CLIENT_FORKS=0, every command is a plain process.
import { execFile, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clientTools } from './client-tools.js'

const SERVER = fileURLToPath(new URL('./client-fork-server.py', import.meta.url))
const REQUEST = fileURLToPath(new URL('./client-fork-request.py', import.meta.url))
/** client-fork-request.py's status when no server answers. */
const UNAVAILABLE = 200

export interface ClientProcessResult {
  status: number | null
  stdout: string
  stderr: string
}

interface ForkServer {
  python: string
  socket: string
  pid: number
  /** Whether the server's interpreter is the python3 the tests use (then boto3 scripts run there too). */
  runsPython: boolean
}

let server: ForkServer | undefined
let plain = process.env.TASKROLE_TEST_CLIENT_FORKS === '0'

/** `aws <args…>` with exactly `env`: what spawnSync of the aws CLI returns. */
export function runAwsCli(args: string[], env: NodeJS.ProcessEnv, timeout = 60_000): SpawnSyncReturns<string> {
  return runSync('aws', args, env, timeout) ?? spawnSync(clientTools().aws, args, { env, encoding: 'utf8', timeout })
}

/** `python3 -c <script>` with exactly `env`: what spawnSync of python3 returns. */
export function runPython(script: string, env: NodeJS.ProcessEnv, timeout = 60_000): SpawnSyncReturns<string> {
  const forks = plain ? undefined : (server ?? startServer(env))
  const forked = forks?.runsPython ? runSync('python', ['-c', script], env, timeout) : undefined
  return forked ?? spawnSync(clientTools().python, ['-c', script], { env, encoding: 'utf8', timeout })
}

/** `aws <args…>` without blocking the event loop, for tests whose server runs in the test process itself. */
export async function runAwsCliAsync(args: string[], env: NodeJS.ProcessEnv, timeout = 60_000): Promise<ClientProcessResult> {
  const forks = plain ? undefined : (server ?? startServer(env))
  if (forks) {
    const result = await runAsync(forks.python, ['-S', '-E', REQUEST, forks.socket, String(forks.pid), 'aws', ...args], env, timeout)
    if (result.status !== UNAVAILABLE) return result
    plain = true
  }
  return runAsync(clientTools().aws, args, env, timeout)
}

/** The command in a fork, or undefined when there is no fork server to run it (the caller runs it plainly). */
function runSync(program: 'aws' | 'python', args: string[], env: NodeJS.ProcessEnv, timeout: number): SpawnSyncReturns<string> | undefined {
  const forks = plain ? undefined : (server ?? startServer(env))
  if (!forks) return undefined
  const result = spawnSync(forks.python, ['-S', '-E', REQUEST, forks.socket, String(forks.pid), program, ...args], { env, encoding: 'utf8', timeout })
  if (result.status !== UNAVAILABLE) return result
  plain = true
  return undefined
}

function runAsync(command: string, args: string[], env: NodeJS.ProcessEnv, timeout: number): Promise<ClientProcessResult> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (child.exitCode ?? (typeof error.code === 'number' ? error.code : null)) : 0, stdout, stderr })
    })
  })
}

function startServer(env: NodeJS.ProcessEnv): ForkServer | undefined {
  const python = pythonOf(clientTools().aws)
  if (!python) {
    plain = true
    return undefined
  }
  const dir = mkdtempSync(join(tmpdir(), 'taskrole-client-forks-'))
  // The environment a command's interpreter starts with (its stdio encoding comes from LANG); each command then
  // gets its own full environment from the request.
  const base: NodeJS.ProcessEnv = {}
  for (const name of ['PATH', 'HOME', 'LANG', 'PYENV_ROOT']) if (env[name] !== undefined) base[name] = env[name]
  const child = spawn(python, [SERVER, join(dir, 'socket'), clientTools().aws], { stdio: 'ignore', env: base })
  child.on('error', () => undefined)
  child.unref()
  process.once('exit', () => {
    child.kill()
    rmSync(dir, { recursive: true, force: true })
  })
  if (child.pid === undefined) {
    plain = true
    return undefined
  }
  server = { python, socket: join(dir, 'socket'), pid: child.pid, runsPython: sameFile(python, clientTools().python) }
  return server
}

/** The interpreter of a Python script (`#!/path/python3` or `#!/usr/bin/env python3`), or undefined. */
function pythonOf(script: string): string | undefined {
  let fd: number | undefined
  try {
    fd = openSync(script, 'r')
    const head = Buffer.alloc(256)
    const line = head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0)).split('\n')[0]!
    const words = line.startsWith('#!') ? line.slice(2).trim().split(/\s+/) : []
    const interpreter = words[0]?.endsWith('/env') ? words[1] : words[0]
    return interpreter && /(^|\/)python[0-9.]*$/.test(interpreter) ? interpreter : undefined
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return false
  }
}
