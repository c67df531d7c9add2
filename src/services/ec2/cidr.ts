//! IPv4 CIDR blocks for VPCs and subnets: parse, containment, overlap, size. Pure.

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  base: number
  prefix: number
  /** Whether bits beyond the prefix are set (10.0.0.1/16). */
  hostBitsSet: boolean
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/

export function parseCidr(text: string): Cidr | undefined {
  const match = CIDR.exec(text)
  if (!match) return undefined
  const octets = match.slice(1, 5).map(Number)
  const prefix = Number(match[5])
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined
  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return { base: (address & mask) >>> 0, prefix, hostBitsSet: (address & ~mask) >>> 0 !== 0 }
}

export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix)
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + cidrSize(inner) <= outer.base + cidrSize(outer)
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + cidrSize(b) && b.base < a.base + cidrSize(a)
}
