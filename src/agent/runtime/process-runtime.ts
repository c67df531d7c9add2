//! The default runtime: each container is a local process group, detached so it outlives a taskrole restart,
//! its output appended to a file and its exit code written by a tiny wrapper shell.
import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, closeSync, constants as fsConstants, openSync, readFileSync, statSync } from 'node:fs'
import { constants as osConstants } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { ContainerStartError, type ContainerExit, type ContainerHandle, type ContainerRuntime, type ContainerSpec } from './container-runtime.js'
import { commandStarted, groupAlive, processStartTime } from './process-table.js'

/**
 * Runs `"$@"` (exec form: the arguments are never parsed by a shell) and records its status in the file given as
 * $1. `f` and `s` are shell variables, not exported, so the command's environment is exactly the spec's; dash
 * exports PWD on its own, hence `unset PWD`. The trap makes the wrapper outlive a signal sent to the whole group
 * (the command gets the default dispositions back, POSIX "trap") so the command's status is still written.
 */
const WRAPPER = 'unset PWD; f=$1; shift; trap : TERM INT HUP; "$@"; s=$?; echo $s >"$f"; exit $s'
const POLL_MS = 200

export function createProcessRuntime(): ContainerRuntime {
  const children = new Map<number, { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }>()
  const timers = new Set<NodeJS.Timeout>()

  function readExitCode(handle: ContainerHandle): number | undefined {
    try {
      const text = readFileSync(handle.exitCodePath, 'utf8').trim()
      return text === '' ? undefined : Number(text)
    } catch {
      return undefined
    }
  }

  function isRunning(handle: ContainerHandle): boolean {
    return processStartTime(handle.pid) === handle.startTime
  }

  return {
    async start(spec: ContainerSpec): Promise<ContainerHandle> {
      const executable = resolveExecutable(spec.argv[0] ?? '', spec.env.PATH ?? '', spec.cwd)
      const fd = openSync(spec.outputPath, 'a')
      let child: ChildProcess
      try {
        child = spawn('/bin/sh', ['-c', WRAPPER, 'taskrole-container', spec.exitCodePath, executable, ...spec.argv.slice(1)], {
          cwd: spec.cwd,
          env: spec.env,
          detached: true,
          stdio: ['ignore', fd, fd],
        })
        await new Promise<void>((done, fail) => {
          child.once('spawn', done)
          child.once('error', fail)
        })
      } finally {
        closeSync(fd)
      }
      // The child stays referenced while the runtime is open (its exit event is awaited); close() unrefs it so
      // taskrole can exit and leave it running.
      const pid = child.pid!
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.once('exit', (code, signal) => done({ code, signal })),
      )
      children.set(pid, { child, exit })
      // The wrapper is a new group's leader (detached), so pgid = pid.
      return { pid, pgid: pid, startTime: processStartTime(pid) ?? '', outputPath: spec.outputPath, exitCodePath: spec.exitCodePath }
    },

    async stop(handle, signal) {
      // A SIGTERM reaching the wrapper (or its child, between fork and exec) before the command runs would be
      // swallowed by the wrapper's trap, and the command would never see it: wait (briefly) until it runs.
      if (signal === 'SIGTERM') {
        const deadline = Date.now() + 1_000
        while (!commandStarted(handle.pid) && isRunning(handle) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5))
      }
      try {
        process.kill(-handle.pgid, signal)
      } catch {
        // ESRCH: the group is gone already.
      }
    },

    async wait(handle) {
      const own = children.get(handle.pid)
      if (own) {
        const { signal } = await own.exit
        children.delete(handle.pid)
        // Without an exit file the wrapper itself was killed (SIGKILL): report as a shell would, 128 + signal.
        const exitCode = readExitCode(handle) ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : undefined)
        return { exitCode, late: false }
      }
      // A process started by an earlier taskrole: not our child, so poll its exit file and liveness.
      let first = true
      return new Promise<ContainerExit>((done) => {
        const check = () => {
          const exitCode = readExitCode(handle)
          if (exitCode !== undefined || !isRunning(handle)) {
            clearInterval(timer)
            timers.delete(timer)
            done({ exitCode: exitCode ?? readExitCode(handle), late: first })
          }
          first = false
        }
        const timer = setInterval(check, POLL_MS)
        timers.add(timer)
        check()
      })
    },

    async drain(handle, boundMs) {
      const deadline = Date.now() + boundMs
      while (groupAlive(handle.pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    },

    isRunning,

    output: (handle) => handle.outputPath,

    close() {
      for (const timer of timers) clearInterval(timer)
      timers.clear()
      for (const { child } of children.values()) child.unref()
    },
  }
}

/** argv[0] as an absolute path (so the wrapper shell never runs one of its builtins instead), or ECS's error. */
export function resolveExecutable(command: string, path: string, cwd: string): string {
  const candidates = command.includes('/')
    ? [isAbsolute(command) ? command : resolve(cwd, command)]
    : path.split(':').map((dir) => join(dir === '' ? cwd : resolve(cwd, dir), command))
  for (const candidate of command === '' ? [] : candidates) {
    try {
      accessSync(candidate, fsConstants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not here
    }
  }
  // Docker/runc's wording, as ECS reports it in containers[].reason (research §5.6/§5.7 shapes).
  const what = command.includes('/') ? `stat ${command}: no such file or directory` : `exec: "${command}": executable file not found in $PATH`
  throw new ContainerStartError(
    `cannot start ${command}`,
    `CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${what}: unknown`,
  )
}
