//! The seam between the agent and whatever runs a container: start, stop(signal), wait, output (STYLE.md rule 8).

export interface ContainerSpec {
  /** entryPoint + command, exec form: argv[0] is looked up on env.PATH, no shell ever sees the arguments. */
  argv: string[]
  /** The container's whole environment; nothing else of taskrole's own environment is passed. */
  env: Record<string, string>
  cwd: string
  /** stdout and stderr are appended to this file (a file, not a pipe: a taskrole restart loses nothing). */
  outputPath: string
  /** Where the exit code is written when the command exits, whether or not taskrole is running then. */
  exitCodePath: string
}

/** What identifies a started container across taskrole restarts (persisted in the agent's task state). */
export interface ContainerHandle {
  pid: number
  pgid: number
  /** OS process start time: a pid alone could be reused after the process exits. */
  startTime: string
  outputPath: string
  exitCodePath: string
}

export class ContainerStartError extends Error {
  constructor(
    message: string,
    /** ECS's container reason, e.g. CannotStartContainerError: … */
    readonly reason: string,
  ) {
    super(message)
  }
}

export interface ContainerExit {
  /** Undefined when no code could be known (e.g. SIGKILLed while taskrole was down). */
  exitCode?: number
  /** It had exited before this runtime watched it (taskrole was down): its process group id may since have
   *  been reused by processes that are not ours, so nothing may be signalled through it any more. */
  late: boolean
}

export interface ContainerRuntime {
  /** Starts the container; throws ContainerStartError when it cannot (unknown executable, …). */
  start(spec: ContainerSpec): Promise<ContainerHandle>
  /** Signals every process of the container (its process group); resolves once the signal was sent. */
  stop(handle: ContainerHandle, signal: 'SIGTERM' | 'SIGKILL'): Promise<void>
  /** Resolves once the container has exited. Works for containers started by an earlier taskrole process. */
  wait(handle: ContainerHandle): Promise<ContainerExit>
  /** Resolves once no process of the container is left (a container's processes all end with it), or after
   *  `boundMs` when some refuse to go (the agent has sent SIGKILL by then). */
  drain(handle: ContainerHandle, boundMs: number): Promise<void>
  /** True while the container's main process is alive (pid and start time both match). */
  isRunning(handle: ContainerHandle): boolean
  /** The file holding the container's output (stdout and stderr interleaved as written). */
  output(handle: ContainerHandle): string
  /** Stops watching (no timers left); running containers keep running. */
  close(): void
}
