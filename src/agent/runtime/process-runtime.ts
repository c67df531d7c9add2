//! The default runtime: each container is a local process group, detached so it outlives a taskrole restart,
//! its output appended to a file and its exit code written by a tiny wrapper shell; started by a fork server
//! (process-launcher.ts) so that taskrole itself never forks.
import { accessSync, constants as fsConstants, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { ContainerStartError, type ContainerExit, type ContainerHandle, type ContainerRuntime, type ContainerSpec } from './container-runtime.js'
import { createProcessLauncher, type ProcessLauncher } from './process-launcher.js'
import { commandStarted, groupAlive, processStartTime } from './process-table.js'

/**
 * Runs `"$@"` (exec form: the arguments are never parsed by a shell) and records its status in the file given as
 * $1. `f` and `s` are shell variables, not exported, so the command's environment is exactly the spec's; dash
 * exports PWD on its own, hence `unset PWD`. The trap makes the wrapper outlive a signal sent to the whole group
 * (the command gets the default dispositions back, POSIX "trap") so the command's status is still written.
 */
const WRAPPER = 'unset PWD; f=$1; shift; trap : TERM INT HUP; "$@"; s=$?; echo $s >"$f"; exit $s'
const POLL_MS = 200

export function createProcessRuntime(options: { launcher?: 'fork-server' | 'spawn' | 'auto' } = {}): ContainerRuntime {
  // Created at the first container, so that a taskrole that runs no task starts no fork server.
  let launcher: ProcessLauncher | undefined
  const exits = new Map<number, Promise<number>>()
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
      launcher ??= createProcessLauncher(options.launcher)
      const { pid, exit } = await launcher.launch({
        argv: ['/bin/sh', '-c', WRAPPER, 'taskrole-container', spec.exitCodePath, executable, ...spec.argv.slice(1)],
        env: spec.env,
        cwd: spec.cwd,
        outputPath: spec.outputPath,
      })
      exits.set(pid, exit)
      // The wrapper leads a new session and group, so pgid = pid.
      return { pid, pgid: pid, startTime: processStartTime(pid) ?? '', outputPath: spec.outputPath, exitCodePath: spec.exitCodePath }
    },

    async stop(handle, signal) {
      // A SIGTERM reaching the wrapper (or its child, between fork and exec) before the command runs would be
      // swallowed by the wrapper's trap, and the command would never see it: wait (briefly) until it runs.
      if (signal === 'SIGTERM') {
        const deadline = Date.now() + 1_000
        while (!commandStarted(handle.pid) && isRunning(handle) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 15))
      }
      try {
        process.kill(-handle.pgid, signal)
      } catch {
        // ESRCH: the group is gone already, or (fork server) the process has not yet made it: then it is alone.
        try {
          if (isRunning(handle)) process.kill(handle.pid, signal)
        } catch {
          // gone
        }
      }
    },

    async wait(handle) {
      const own = exits.get(handle.pid)
      if (own) {
        const status = await own
        exits.delete(handle.pid)
        // Without an exit file the wrapper itself was killed (SIGKILL): its status is a shell's, 128 + signal.
        return { exitCode: readExitCode(handle) ?? status, late: false }
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
      launcher?.close()
      launcher = undefined
    },
  }
}

/** Where each command was found last, by PATH and name: tasks run the same few commands, and searching PATH tried
 *  (and failed on) every directory before the right one for each container. A remembered path is checked again
 *  before it is used, so a program removed since is searched for afresh. */
const foundExecutables = new Map<string, string>()

/** argv[0] as an absolute path (so the wrapper shell never runs one of its builtins instead), or ECS's error. */
export function resolveExecutable(command: string, path: string, cwd: string): string {
  // Each container has a working directory of its own: it is part of the key only when it changes the answer (a
  // relative command with a slash, or a relative or empty PATH entry), else nothing found would be found again.
  const cwdMatters = (command.includes('/') && !isAbsolute(command)) || path.split(':').some((dir) => !isAbsolute(dir))
  const cacheKey = `${cwdMatters ? cwd : ''}\0${path}\0${command}`
  const remembered = foundExecutables.get(cacheKey)
  if (remembered !== undefined && isExecutableFile(remembered)) return remembered
  const candidates = command.includes('/')
    ? [isAbsolute(command) ? command : resolve(cwd, command)]
    : path.split(':').map((dir) => join(dir === '' ? cwd : resolve(cwd, dir), command))
  for (const candidate of command === '' ? [] : candidates) {
    if (isExecutableFile(candidate)) {
      if (foundExecutables.size >= 1000) foundExecutables.clear()
      foundExecutables.set(cacheKey, candidate)
      return candidate
    }
  }
  // Docker/runc's wording, as ECS reports it in containers[].reason (research §5.6/§5.7 shapes).
  const what = command.includes('/') ? `stat ${command}: no such file or directory` : `exec: "${command}": executable file not found in $PATH`
  foundExecutables.delete(cacheKey)
  throw new ContainerStartError(
    `cannot start ${command}`,
    `CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${what}: unknown`,
  )
}

/** A regular file this process may execute. stat first, without throwing: most candidates of a PATH search do not
 *  exist, and an exception per miss cost more than the syscall. */
function isExecutableFile(candidate: string): boolean {
  if (!statSync(candidate, { throwIfNoEntry: false })?.isFile()) return false
  try {
    accessSync(candidate, fsConstants.X_OK)
    return true
  } catch {
    return false
  }
}
