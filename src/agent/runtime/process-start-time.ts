//! A process's start time as the OS reports it (with the pid it tells "still our process" from "pid reused"), and
//! whether a process group still has a live member.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

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

/** True while a process of the group is alive; zombies (exited, waiting to be reaped) do not count. */
export function groupAlive(pgid: number): boolean {
  if (process.platform !== 'linux') {
    try {
      process.kill(-pgid, 0)
      return true
    } catch {
      return false
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue
    }
    // After the command name: [0] state (field 3), [2] pgrp (field 5).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true
  }
  return false
}

/** True once the process has a child (the wrapper shell has forked the command). Linux only; elsewhere true. */
export function hasChild(pid: number): boolean {
  if (process.platform !== 'linux') return true
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() !== ''
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: look for a process whose parent is pid.
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return true
      } catch {
        // gone
      }
    }
    return false
  }
}
