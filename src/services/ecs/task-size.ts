//! Task-level cpu and memory: the forms RegisterTaskDefinition accepts ("1024", "1 vCPU", "2 GB") and the
//! cpu/memory pairs Fargate supports (ECS Developer Guide, "Task CPU and memory"; Linux platform 1.4.0).

/** CPU units (1 vCPU = 1024) from "256", "0.25 vCPU", "1 vcpu"; undefined when it is neither. */
export function parseCpu(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(text)
  if (!match) return undefined
  const value = Number(match[1])
  const units = match[2] ? value * 1024 : value
  return Number.isInteger(units) ? units : undefined
}

/** MiB from "512", "512 MiB", "1 GB", "0.5GB"; undefined when it is neither. */
export function parseMemory(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(text)
  if (!match) return undefined
  const value = Number(match[1])
  const unit = match[2]?.toLowerCase()
  const mib = unit === 'gb' || unit === 'gib' ? value * 1024 : value
  return Number.isInteger(mib) ? mib : undefined
}

/** Memory values (MiB) Fargate offers for each task cpu value. */
const FARGATE_MEMORY: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
}

export function isFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_MEMORY[cpu]?.includes(memory) ?? false
}

function range(from: number, to: number, step: number): number[] {
  const values: number[] = []
  for (let value = from; value <= to; value += step) values.push(value)
  return values
}
