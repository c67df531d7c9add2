//! IPv4 and IPv6 addresses and CIDR blocks for IpAddress/NotIpAddress (IAM User Guide, "IP address
//! condition operators": RFC 4632 CIDR, IPv4 and IPv6; a bare address is a /32 or /128).

export interface IpAddress {
  version: 4 | 6
  value: bigint
}

export interface CidrBlock {
  version: 4 | 6
  /** The address with host bits cleared. */
  network: bigint
  prefix: number
}

export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text)
    return value === undefined ? undefined : { version: 6, value }
  }
  const value = parseIpv4(text)
  return value === undefined ? undefined : { version: 4, value: BigInt(value) }
}

export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/')
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash))
  if (!address) return undefined
  const width = address.version === 4 ? 32 : 128
  let prefix = width
  if (slash >= 0) {
    const bits = text.slice(slash + 1)
    if (!/^\d{1,3}$/.test(bits)) return undefined
    prefix = Number(bits)
    if (prefix > width) return undefined
  }
  return { version: address.version, network: clearHostBits(address.value, width, prefix), prefix }
}

export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  if (block.version !== address.version) return false
  const width = block.version === 4 ? 32 : 128
  return clearHostBits(address.value, width, block.prefix) === block.network
}

function clearHostBits(value: bigint, width: number, prefix: number): bigint {
  const host = BigInt(width - prefix)
  return (value >> host) << host
}

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let value = 0
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined
    const octet = Number(part)
    if (octet > 255) return undefined
    value = value * 256 + octet
  }
  return value
}

function parseIpv6(text: string): bigint | undefined {
  const zone = text.indexOf('%')
  const address = zone < 0 ? text : text.slice(0, zone)
  const halves = address.split('::')
  if (halves.length > 2) return undefined
  const head = halves[0] ? halves[0].split(':') : []
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : []
  const groups: number[] = []
  for (const [index, list] of [head, tail].entries()) {
    for (let i = 0; i < list.length; i++) {
      const group = list[i]!
      const last = index === (halves.length === 2 ? 1 : 0) && i === list.length - 1
      // An embedded IPv4 address may end the address (::ffff:192.0.2.1).
      if (last && group.includes('.')) {
        const v4 = parseIpv4(group)
        if (v4 === undefined) return undefined
        groups.push(Math.floor(v4 / 65536), v4 % 65536)
        continue
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined
      groups.push(parseInt(group, 16))
    }
    if (index === 0 && halves.length === 2) groups.push(-1)
  }
  const gap = groups.indexOf(-1)
  const present = groups.length - (gap < 0 ? 0 : 1)
  if (gap < 0 ? present !== 8 : present > 7) return undefined
  const full = gap < 0 ? groups : [...groups.slice(0, gap), ...new Array<number>(8 - present).fill(0), ...groups.slice(gap + 1)]
  let value = 0n
  for (const group of full) value = (value << 16n) | BigInt(group)
  return value
}
