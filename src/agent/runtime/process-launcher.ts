//! Starts container processes for the process runtime. Forking taskrole itself for every container is costly: the
//! kernel copies the page tables of a ~100 MB process, and every heap page taskrole writes afterwards takes a
//! copy-on-write fault once (measured: several ms of taskrole's CPU per container, most of a RunTask's cost). So a
//! fork server does it: one small `sh`, started once, reading commands on its stdin and forking itself (cheap) for
//! each container, reporting each pid and exit status on its stdout. Where it cannot be used (no `setsid`), node's
//! own spawn is the fallback.
import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, closeSync, constants as fsConstants, openSync } from 'node:fs'
import { constants as osConstants } from 'node:os'
import { join } from 'node:path'

export interface LaunchRequest {
  /** Run as is (exec form), in a new session: the process becomes the leader of its own process group (with the
   *  fork server, a moment after its pid is known: until then a signal must go to the pid itself). */
  argv: string[]
  /** The whole environment of the process. */
  env: Record<string, string>
  cwd: string
  /** stdout and stderr are appended here; stdin is /dev/null. */
  outputPath: string
}

export interface Launched {
  pid: number
  /** The exit status as a shell reports it (128 + signal number when killed); only while this launcher runs. */
  exit: Promise<number>
}

export interface ProcessLauncher {
  readonly kind: 'fork-server' | 'spawn'
  launch(request: LaunchRequest): Promise<Launched>
  /** Stops the fork server (launched processes keep running) and stops reporting exits. */
  close(): void
}

/** The fork server when the host has what it needs (Linux's setsid and env), else node's spawn. */
export function createProcessLauncher(kind: 'fork-server' | 'spawn' | 'auto' = 'auto'): ProcessLauncher {
  const tools = kind === 'spawn' ? undefined : findTools()
  if (tools) return forkServer(tools)
  if (kind === 'fork-server') throw new Error('the fork server needs setsid and env on PATH')
  return nodeSpawn()
}

interface Tools {
  setsid: string
  env: string
}

function findTools(): Tools | undefined {
  if (process.platform !== 'linux') return undefined
  const dirs = (process.env.PATH ?? '/usr/bin:/bin').split(':').concat(['/usr/bin', '/bin'])
  const find = (name: string) =>
    dirs.map((dir) => join(dir, name)).find((path) => {
      try {
        accessSync(path, fsConstants.X_OK)
        return true
      } catch {
        return false
      }
    })
  const setsid = find('setsid')
  const env = find('env')
  return setsid && env ? { setsid, env } : undefined
}

/** A word the shell reads back exactly as given, newlines and quotes included. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}

function forkServer(tools: Tools): ProcessLauncher {
  let server: ChildProcess | undefined
  let nextId = 0
  let buffered = ''
  let reapQueued = false
  const started = new Map<number, (pid: number) => void>()
  const exited = new Map<number, (status: number) => void>()

  function onLine(line: string): void {
    const [kind, id, value] = line.split(' ')
    const n = Number(value)
    if (kind === 'started') {
      started.get(Number(id))?.(n)
      started.delete(Number(id))
    } else if (kind === 'exited') {
      exited.get(Number(id))?.(n)
      exited.delete(Number(id))
      // sh reaps a finished background job when it reads its next command: give it one, once per burst.
      if (!reapQueued) {
        reapQueued = true
        setImmediate(() => {
          reapQueued = false
          server?.stdin?.write(':\n')
        })
      }
    }
  }

  function ensureServer(): ChildProcess {
    if (server) return server
    // Its own process group (detached), so that closing it never signals taskrole's group; an empty environment,
    // so nothing of taskrole's leaks into what it starts (each command sets its process's environment with env -i).
    const child = spawn('/bin/sh', [], { env: {}, stdio: ['pipe', 'pipe', 'ignore'], detached: true })
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      buffered += chunk
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        onLine(buffered.slice(0, end))
        buffered = buffered.slice(end + 1)
      }
    })
    child.stdin!.on('error', () => {})
    // It stays referenced (exits are awaited through it) until close(), as node's own children would.
    child.once('exit', () => {
      if (server === child) server = undefined
      for (const fail of started.values()) fail(-1)
      started.clear()
    })
    server = child
    return child
  }

  return {
    kind: 'fork-server',
    launch(request) {
      const id = ++nextId
      const argv = [tools.setsid, tools.env, '-i', ...Object.entries(request.env).map(([name, value]) => `${name}=${value}`), ...request.argv]
      const pid = new Promise<number>((resolve) => started.set(id, resolve))
      const exit = new Promise<number>((resolve) => exited.set(id, resolve))
      // A background job per container: it starts the process (cd, then exec setsid env -i …, so the pid is the
      // process's own and it leads a new session and group), says its pid, waits for it and says its status.
      ensureServer().stdin!.write(
        `{ cd ${quote(request.cwd)} && exec ${argv.map(quote).join(' ')} </dev/null >>${quote(request.outputPath)} 2>&1 & ` +
          `echo "started ${id} $!"; wait $!; echo "exited ${id} $?"; } &\n`,
      )
      return pid.then((value) => {
        if (value < 0) throw new Error('the fork server exited')
        return { pid: value, exit }
      })
    },
    close() {
      const child = server
      server = undefined
      if (!child) return
      // End of input ends the server. Its background jobs only wait for their processes and end with them; they are
      // not signalled, because a process may still be in the server's group until its setsid has run.
      child.stdin?.end()
      child.stdout?.destroy()
      child.unref()
    },
  }
}

function nodeSpawn(): ProcessLauncher {
  const children = new Set<ChildProcess>()
  return {
    kind: 'spawn',
    async launch(request) {
      const fd = openSync(request.outputPath, 'a')
      let child: ChildProcess
      try {
        child = spawn(request.argv[0]!, request.argv.slice(1), { cwd: request.cwd, env: request.env, detached: true, stdio: ['ignore', fd, fd] })
        await new Promise<void>((done, fail) => {
          child.once('spawn', done)
          child.once('error', fail)
        })
      } finally {
        closeSync(fd)
      }
      children.add(child)
      const exit = new Promise<number>((done) =>
        child.once('exit', (code, signal) => {
          children.delete(child)
          done(code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 0))
        }),
      )
      return { pid: child.pid!, exit }
    },
    close() {
      // Running processes stay; taskrole may exit without waiting for them.
      for (const child of children) child.unref()
    },
  }
}
