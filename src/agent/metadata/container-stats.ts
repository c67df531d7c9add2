//! `${ECS_CONTAINER_METADATA_URI_V4}/stats`: Docker's stats JSON shape (what the agent relays), measured from
//! /proc over the container's process group (Linux; zeros elsewhere).
import { readdirSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'

export interface StatsTarget {
  runtimeId: string
  name: string
  pgid?: number
  running: boolean
  memoryLimitMiB?: number
}

interface Sample {
  read: string
  cpuTotalNs: number
  cpuUserNs: number
  cpuKernelNs: number
  systemNs: number
  memoryBytes: number
  pids: number
}

/** USER_HZ on Linux is 100 on every mainstream architecture. */
const NS_PER_TICK = 10_000_000

export class ContainerStats {
  private readonly previous = new Map<string, Sample>()

  /** Docker's answer shape; `null` for a container that is not running (as in /task/stats). */
  stats(target: StatsTarget): Record<string, unknown> | null {
    if (!target.running || target.pgid === undefined) return null
    const now = sample(target.pgid)
    const before = this.previous.get(target.runtimeId)
    this.previous.set(target.runtimeId, now)
    const online = cpus().length
    const cpuStats = (s: Sample | undefined) => ({
      cpu_usage: { total_usage: s?.cpuTotalNs ?? 0, usage_in_kernelmode: s?.cpuKernelNs ?? 0, usage_in_usermode: s?.cpuUserNs ?? 0 },
      system_cpu_usage: s?.systemNs ?? 0,
      online_cpus: online,
      throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
    })
    return {
      read: now.read,
      preread: before?.read ?? '0001-01-01T00:00:00Z',
      pids_stats: { current: now.pids },
      blkio_stats: {
        io_service_bytes_recursive: [],
        io_serviced_recursive: [],
        io_queue_recursive: [],
        io_service_time_recursive: [],
        io_wait_time_recursive: [],
        io_merged_recursive: [],
        io_time_recursive: [],
        sectors_recursive: [],
      },
      num_procs: 0,
      storage_stats: {},
      cpu_stats: cpuStats(now),
      precpu_stats: cpuStats(before),
      memory_stats: {
        usage: now.memoryBytes,
        max_usage: Math.max(now.memoryBytes, before?.memoryBytes ?? 0),
        stats: {},
        limit: target.memoryLimitMiB ? target.memoryLimitMiB * 1024 * 1024 : 9_223_372_036_854_771_712,
      },
      name: `/${target.name}`,
      id: target.runtimeId,
    }
  }

  forget(runtimeId: string): void {
    this.previous.delete(runtimeId)
  }
}

function sample(pgid: number): Sample {
  const result: Sample = { read: new Date().toISOString(), cpuTotalNs: 0, cpuUserNs: 0, cpuKernelNs: 0, systemNs: 0, memoryBytes: 0, pids: 0 }
  if (process.platform !== 'linux') return result
  try {
    const cpuLine = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    result.systemNs = cpuLine.trim().split(/\s+/).slice(1).reduce((sum, ticks) => sum + Number(ticks), 0) * NS_PER_TICK
  } catch {
    // leave zero
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue
    }
    // Fields after the command name: [0]=state (3) … [2]=pgrp (5) … [11]=utime (14) [12]=stime (15) … [21]=rss (24).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) !== pgid) continue
    const user = Number(fields[11]) * NS_PER_TICK
    const kernel = Number(fields[12]) * NS_PER_TICK
    result.cpuUserNs += user
    result.cpuKernelNs += kernel
    result.cpuTotalNs += user + kernel
    result.memoryBytes += Number(fields[21]) * 4096
    result.pids += 1
  }
  return result
}
