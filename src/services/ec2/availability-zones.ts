//! The Availability Zones taskrole offers per Region, with zone ids in AWS's form (`use1-az1`). The zones themselves
//! live in the store (store/repositories/ec2-network.ts), which creates each account's default subnets in them.
import { availabilityZoneId, availabilityZones } from '../../store/index.js'

export { availabilityZoneId, availabilityZones }

/** The zone an AvailabilityZoneId names in this Region, if any. */
export function zoneOfId(region: string, zoneId: string): string | undefined {
  return availabilityZones(region).find((zone) => availabilityZoneId(region, zone) === zoneId)
}
