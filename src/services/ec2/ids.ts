//! EC2 resource ids: `<prefix>-<17 hex>` as EC2 issues them since the move to long ids; eight-hex ids (the old
//! short form) are still well formed (EC2 User Guide, "Resource IDs").
import { randomBytes } from 'node:crypto'

export type Ec2IdPrefix = 'vpc' | 'subnet' | 'vpce' | 'sg' | 'eni' | 'dopt' | 'vpc-cidr-assoc'

export function ec2Id(prefix: Ec2IdPrefix): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`
}

export function isEc2Id(prefix: Ec2IdPrefix, id: string): boolean {
  const rest = id.startsWith(`${prefix}-`) ? id.slice(prefix.length + 1) : undefined
  return rest !== undefined && /^([0-9a-f]{8}|[0-9a-f]{17})$/.test(rest)
}
