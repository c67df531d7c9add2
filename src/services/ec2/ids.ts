//! EC2 resource ids: `<prefix>-<17 hex>` as EC2 issues them since the move to long ids; eight-hex ids (the old
//! short form) are still well formed (EC2 User Guide, "Resource IDs"). New ids come from the store, which issues
//! the default VPC's too.
import { ec2Id, type Ec2IdPrefix } from '../../store/index.js'

export { ec2Id, type Ec2IdPrefix }

export function isEc2Id(prefix: Ec2IdPrefix, id: string): boolean {
  const rest = id.startsWith(`${prefix}-`) ? id.slice(prefix.length + 1) : undefined
  return rest !== undefined && /^([0-9a-f]{8}|[0-9a-f]{17})$/.test(rest)
}
