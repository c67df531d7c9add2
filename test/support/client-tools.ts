//! Finds the real aws CLI and python3 behind pyenv shims once, so tests, servers and containers skip the shim.
// A pyenv shim is a bash script that runs pyenv to pick the interpreter before exec'ing it: 0.26 s of CPU per
// python3 and 0.28 s per aws call on the CI machines, paid by thousands of client processes. Where aws and
// python3 are plain binaries (no pyenv), nothing changes.
import { spawnSync } from 'node:child_process'
import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'

export interface ClientTools {
  /** The aws CLI to spawn: an absolute path, or `aws` when none is on PATH (the spawn then fails as before). */
  aws: string
  /** The python3 to spawn for boto3 scripts. */
  python: string
  /** PATH with the real binaries' directories first, for every process that may run `aws` or `python3`. */
  path: string
}

let resolved: ClientTools | undefined

/** Resolved on first use and kept for the life of the process. */
export function clientTools(): ClientTools {
  resolved ??= resolveClientTools(process.env.PATH ?? '')
  return resolved
}

function resolveClientTools(path: string): ClientTools {
  const awsOnPath = which('aws', path)
  const pythonOnPath = which('python3', path)
  let python = pythonOnPath ?? 'python3'
  let aws = awsOnPath ?? 'aws'
  const first: string[] = []

  if (pythonOnPath && isPyenvShim(pythonOnPath)) {
    const real = runFor(pythonOnPath, ['-c', 'import sys; print(sys.executable)'])
    if (real && isExecutable(real)) python = real
  }
  if (awsOnPath && isPyenvShim(awsOnPath)) {
    // The shim runs the `aws` of the selected Python version: the script beside its interpreter.
    const beside = python !== pythonOnPath ? join(dirname(python), 'aws') : undefined
    const real = beside && isExecutable(beside) && !isPyenvShim(beside) ? beside : runFor('pyenv', ['which', 'aws'])
    if (real && isExecutable(real) && !isPyenvShim(real)) {
      aws = real
      first.push(dirname(real))
    }
  }
  if (python !== pythonOnPath) {
    // Do not let the interpreter's directory shadow a plain aws that PATH chose before the shims.
    const shadows = awsOnPath !== undefined && !isPyenvShim(awsOnPath) && which('aws', dirname(python)) !== undefined
    if (!shadows) first.push(dirname(python))
  }
  const dirs = [...new Set(first)]
  return { aws, python, path: dirs.length ? [...dirs, path].join(delimiter) : path }
}

/** The first executable `name` on `path`, like the shell's lookup. */
function which(name: string, path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    if (isExecutable(candidate)) return candidate
  }
  return undefined
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** pyenv's shims are small bash scripts ending in `exec ".../libexec/pyenv" exec "$program" "$@"`. */
function isPyenvShim(file: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const head = Buffer.alloc(1024)
    const text = head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0))
    return text.startsWith('#!') && /pyenv"? exec /.test(text)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function runFor(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 })
  const out = result.status === 0 ? result.stdout.trim() : ''
  return out && !out.includes('\n') ? out : undefined
}
