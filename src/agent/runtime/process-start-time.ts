//! A process's start time as the OS reports it: with the pid it tells "still our process" from "pid reused".
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Undefined when no such process exists. Linux: /proc/<pid>/stat field 22 (clock ticks since boot);
 *  elsewhere `ps -o lstart=`. Zombies count as gone (their command has exited). */
export function processStartTime(pid: number): string | undefined {
  if (process.platform === 'linux') {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      return undefined
    }
    // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // fields[0] is field 3 (state); field 22 is fields[19].
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined
    return fields[19]
  }
  const ps = spawnSync('ps', ['-o', 'stat=,lstart=', '-p', String(pid)], { encoding: 'utf8' })
  const line = ps.status === 0 ? ps.stdout.trim() : ''
  if (!line || line.startsWith('Z')) return undefined
  return line.replace(/^\S+\s+/, '')
}
