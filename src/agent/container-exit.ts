//! A container's end as the agent records it (Docker's State.ExitCode and FinishedAt), and whether it still runs.
import type { ContainerState } from './agent-records.js'
import type { ContainerExit } from './runtime/container-runtime.js'

export function recordExit(container: ContainerState, exit: ContainerExit, now: Date): void {
  container.exited = true
  container.exitedLate = exit.late || undefined
  // SIGKILLed while taskrole was down leaves no exit file: 137, as Docker reports a SIGKILL.
  container.exitCode = exit.exitCode ?? (container.killSentAt ? 137 : undefined)
  container.finishedAt = now.toISOString()
}

/** Started and not exited. */
export function stillRunning(container: ContainerState): boolean {
  return container.startedAt !== undefined && !container.exited
}
