//! What the OS process table says about a container's processes: a process's start time (with the pid it tells
//! "still our process" from "pid reused"), whether its group still has a live member, whether its command runs.
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
  // No member at all (not even a zombie): gone. One signal instead of reading every process's stat, which
  // costs milliseconds on a host running hundreds of containers.
  try {
    process.kill(-pgid, 0)
  } catch {
    return false
  }
  if (process.platform !== 'linux') return true
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

/** True once the wrapper's child has exec'd the command (its command line is no longer the wrapper's): before
 *  that, a signal to the child would still meet the wrapper's trap and be lost. Linux only; elsewhere true. */
export function commandStarted(pid: number): boolean {
  if (process.platform !== 'linux') return true
  const own = cmdline(pid)
  if (own === undefined) return true
  const child = childOf(pid)
  if (child === undefined) return false
  const theirs = cmdline(child)
  return theirs === undefined || theirs !== own
}

function cmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1')
  } catch {
    return undefined
  }
}

function childOf(pid: number): number | undefined {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]
    return first ? Number(first) : undefined
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: look for a process whose parent is pid.
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry)
      } catch {
        // gone
      }
    }
    return undefined
  }
}
